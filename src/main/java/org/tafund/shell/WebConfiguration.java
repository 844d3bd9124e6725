package org.tafund.shell;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The language switch: {@code ?lang=fr} on any page, remembered in a cookie for a year. */
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

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
