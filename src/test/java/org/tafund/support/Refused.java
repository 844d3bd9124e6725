package org.tafund.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.BindingResult;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A page form that a business rule refuses is answered with a redirect to its page, the form and
 * the refusal in flash attributes (Post/Redirect/Get). This follows it as the browser does.
 */
public final class Refused {

	private Refused() {
	}

	/**
	 * Sends the POST as {@code user}, expects the redirect to {@code page} (as written in the
	 * handler's {@code @RefusalReturnsTo}, fragment included), follows it with the flash attributes
	 * and returns the page shown.
	 */
	public static String page(MockMvc mvc, MockHttpServletRequestBuilder post, RequestPostProcessor user, String page)
			throws Exception {
		return follow(mvc, redirect(mvc, post, user, page), user);
	}

	/** The refused POST's answer: the redirect to {@code page}, with the flash it carries. */
	public static MvcResult redirect(MockMvc mvc, MockHttpServletRequestBuilder post, RequestPostProcessor user,
			String page) throws Exception {
		return mvc.perform(post.with(user).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(page))
			.andReturn();
	}

	/** The code of the refusal beside {@code field} of the flashed form {@code name}. */
	public static String fieldError(MvcResult refused, String name, String field) {
		var result = (BindingResult) refused.getFlashMap().get(BindingResult.MODEL_KEY_PREFIX + name);
		if (result == null || result.getFieldError(field) == null) {
			throw new AssertionError("No refusal beside " + name + "." + field + " in " + refused.getFlashMap());
		}
		return result.getFieldError(field).getCode();
	}

	/** The page the redirect leads to, shown with the flash attributes of {@code refused}. */
	public static String follow(MockMvc mvc, MvcResult refused, RequestPostProcessor user) throws Exception {
		var address = refused.getResponse().getRedirectedUrl();
		var hash = address.indexOf('#');
		// The flash rides in the session the refused POST left (a row in the database), as in a browser.
		return mvc.perform(get(hash < 0 ? address : address.substring(0, hash)).with(user)
			.with(TestSession.of(refused)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
