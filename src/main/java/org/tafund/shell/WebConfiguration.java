package org.tafund.shell;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language switch: {@code ?lang=fr} on any page, remembered in a cookie for a year; and money
 * on pages, formatted for that language in one place ({@link MoneyFormatter}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver("tafund-lang");
		resolver.setDefaultLocale(Locale.ENGLISH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		// A tampered cookie falls back to English instead of failing the request.
		resolver.setRejectInvalidCookies(false);
		return resolver;
	}

	private final MoneyFormatter money = new MoneyFormatter();

	/** For templates: {@code ${@money.usd(figure)}} where a view carries USD as a plain decimal. */
	@Bean
	MoneyFormatter money() {
		return money;
	}

	/** Replaces Boot's message source: the same bundles, with dates in the reader's way. */
	@Bean
	org.springframework.context.MessageSource messageSource() {
		return new Messages();
	}

	/** For templates: {@code ${@dates.day(date)}}, the reader's way of writing a date. */
	@Bean
	DateView dates() {
		return new DateView();
	}

	/**
	 * {@code ${{amount}}} in a template prints a {@code Money} through {@link MoneyFormatter}; decimals
	 * in forms are read and written by {@link AmountInput}.
	 */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatter(money);
		registry.addFormatterForFieldType(java.math.BigDecimal.class, new AmountInput());
	}

	/**
	 * The static files, and only under their own paths. Spring Boot's default maps {@code /**} to the
	 * static locations, and with the webjars locator its URL encoding filter then asks the class
	 * path, in four places, for every link a page writes ({@code /contributions/agreements/42} as a
	 * file): misses are not cached, so a report page of 500 rows spent about a second in class
	 * loader lookups. {@code spring.web.resources.add-mappings=false} turns the default off.
	 */
	@Override
	public void addResourceHandlers(org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new org.springframework.web.servlet.resource.LiteWebJarsResourceResolver());
		for (var folder : STATIC_FOLDERS) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.resourceChain(true);
		}
	}

	/** The folders of {@code src/main/resources/static}. */
	static final java.util.List<String> STATIC_FOLDERS = java.util.List.of("css", "img", "js");

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
