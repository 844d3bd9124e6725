package org.tafund.shared;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Page requests from untrusted page numbers and sizes: negative pages become the first, and
 * absurd ones are capped so that page times size never overflows the database offset.
 */
public final class Paging {

	/** The page sizes a list offers; anything else asked gets the first. */
	public static final java.util.List<Integer> SIZES = java.util.List.of(25, 50, 100);

	static final int LAST_PAGE = 1_000_000;

	static final int MAX_SIZE = 1_000;

	private Paging() {
	}

	/** A list's page size as asked, if it is one of {@link #SIZES}. */
	public static int size(Integer asked) {
		return asked != null && SIZES.contains(asked) ? asked : SIZES.get(0);
	}

	public static PageRequest page(int page, int size) {
		return page(page, size, Sort.unsorted());
	}

	public static PageRequest page(int page, int size, Sort sort) {
		return PageRequest.of(Math.max(0, Math.min(page, LAST_PAGE)), Math.max(1, Math.min(size, MAX_SIZE)), sort);
	}

}
