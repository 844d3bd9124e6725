package org.tafund.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriUtils;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.RefusalReturnsTo;

/**
 * The one place where a page form meets a refusal of the domain. A page POST that a
 * {@link BusinessRuleViolation} refuses is answered with a redirect to the page its handler names
 * in {@link RefusalReturnsTo} (Post/Redirect/Get), carrying in flash attributes the form as typed
 * and its {@link BindingResult} with the refusal beside the field it names (or above the form).
 * The page's GET handler shows a flashed form instead of an empty one. A handler without a form
 * gets the refusal as the page's {@code problem}, or under the name it gives. Nothing was stored: the refusal rolled back the
 * transaction that threw it. The JSON API answers refusals itself ({@link ApiProblems}, ordered
 * first, since a {@code @RestController} is a {@code @Controller} too).
 */
@ControllerAdvice(annotations = Controller.class)
class PageRefusals {

	private static final Logger log = LoggerFactory.getLogger(PageRefusals.class);

	private static final String BINDERS = PageRefusals.class.getName() + ".binders";

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	/** Keeps the binders of the request, so that a refusal finds the form as it was bound. */
	@InitBinder
	void remember(WebDataBinder binder, HttpServletRequest request) {
		binder.setBindingErrorProcessor(new LabelledBindingErrors());
		binder.registerCustomEditor(java.math.BigDecimal.class, AmountInput.editor());
		@SuppressWarnings("unchecked")
		var binders = (List<WebDataBinder>) request.getAttribute(BINDERS);
		if (binders == null) {
			binders = new ArrayList<>();
			request.setAttribute(BINDERS, binders);
		}
		binders.add(binder);
	}

	@ExceptionHandler(BusinessRuleViolation.class)
	ModelAndView refused(BusinessRuleViolation refusal, HandlerMethod handler, HttpServletRequest request) {
		var returnsTo = handler.getMethodAnnotation(RefusalReturnsTo.class);
		var message = new DefaultMessageSourceResolvable(refusal.getCodes(), refusal.getArguments());
		if (returnsTo == null) {
			// A page that names no form to go back to (PageRefusalsTests requires one of every POST):
			// the error page with the refusal, never a 500.
			log.warn("{} was refused ({}) but names no page to return to (@RefusalReturnsTo)",
					handler.getShortLogMessage(), refusal.messageKey());
			var page = new ModelAndView("error/page", HttpStatus.UNPROCESSABLE_CONTENT);
			page.addObject("kind", "4xx");
			page.addObject("status", 422);
			page.addObject("problem", message);
			return page;
		}
		var flash = RequestContextUtils.getOutputFlashMap(request);
		var form = formOf(handler, request);
		if (form == null) {
			flash.put(returnsTo.problem(), message);
		}
		else {
			var result = form.getBindingResult();
			refusal.rejectIn(result);
			flash.put(form.getObjectName(), result.getTarget());
			flash.put(BindingResult.MODEL_KEY_PREFIX + form.getObjectName(), result);
		}
		return new ModelAndView("redirect:" + expand(returnsTo.value(), request));
	}

	/** The binder of the handler's form: the model attribute that a BindingResult follows. */
	private static WebDataBinder formOf(HandlerMethod handler, HttpServletRequest request) {
		@SuppressWarnings("unchecked")
		var binders = (List<WebDataBinder>) request.getAttribute(BINDERS);
		if (binders == null) {
			return null;
		}
		var parameters = handler.getMethodParameters();
		for (int i = 1; i < parameters.length; i++) {
			if (Errors.class.isAssignableFrom(parameters[i].getParameterType())) {
				var name = nameOf(parameters[i - 1]);
				for (int b = binders.size() - 1; b >= 0; b--) {
					var binder = binders.get(b);
					if (binder.getObjectName().equals(name) && binder.getTarget() != null) {
						return binder;
					}
				}
			}
		}
		return null;
	}

	private static String nameOf(MethodParameter parameter) {
		return ModelFactory.getNameForParameter(parameter);
	}

	/** The page's address: {@code {name}} is a path variable of the request, else one of its parameters. */
	private static String expand(String template, HttpServletRequest request) {
		@SuppressWarnings("unchecked")
		var pathVariables = (java.util.Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		var values = new HashMap<String, String>(pathVariables == null ? java.util.Map.of() : pathVariables);
		var matcher = VARIABLE.matcher(template);
		var address = new StringBuilder();
		while (matcher.find()) {
			var name = matcher.group(1);
			var value = values.containsKey(name) ? values.get(name) : request.getParameter(name);
			if (value == null) {
				throw new IllegalStateException("No value for {" + name + "} of " + template);
			}
			matcher.appendReplacement(address, Matcher.quoteReplacement(UriUtils.encodePathSegment(value,
					java.nio.charset.StandardCharsets.UTF_8)));
		}
		matcher.appendTail(address);
		return address.toString();
	}

}
