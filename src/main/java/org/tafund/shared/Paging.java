package org.tafund.shared;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Page requests from untrusted page numbers and sizes: negative pages become the first, and
 * absurd ones are capped so that page times size never overflows the database offset.
 */
public final class Paging {

	static final int LAST_PAGE = 1_000_000;

	static final int MAX_SIZE = 1_000;

	private Paging() {
	}

	public static PageRequest page(int page, int size) {
		return page(page, size, Sort.unsorted());
	}

	public static PageRequest page(int page, int size, Sort sort) {
		return PageRequest.of(Math.max(0, Math.min(page, LAST_PAGE)), Math.max(1, Math.min(size, MAX_SIZE)), sort);
	}

}
