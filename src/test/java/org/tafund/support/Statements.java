package org.tafund.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements and transaction round trips the current thread makes, whoever prepares them (Hibernate, a
 * JdbcClient, Spring Session): what "statements per page" means (issue 15). The test database's
 * pool is wrapped once for the whole run; a count is taken only around what a test measures, and
 * only on its own thread, so that background jobs of the shared application do not add to it.
 */
public final class Statements {

	private static final ThreadLocal<long[]> COUNT = new ThreadLocal<>();

	// A statement prepared, and each transaction's own round trips (autocommit off and on, commit,
	// rollback): what the database server counts as questions, so that a transaction per row shows too.
	private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall", "createStatement",
			"setAutoCommit", "commit", "rollback");

	private Statements() {
	}

	/** The statements prepared on this thread while {@code work} ran, with what it returned. */
	public static <T> Counted<T> during(Supplier<T> work) {
		var outer = COUNT.get();
		var count = new long[1];
		COUNT.set(count);
		try {
			var result = work.get();
			return new Counted<>(result, count[0]);
		}
		finally {
			COUNT.set(outer);
			if (outer != null) {
				outer[0] += count[0];
			}
		}
	}

	public record Counted<T>(T result, long statements) {
	}

	/** Wraps the application's data source so that every connection it hands out counts. */
	static BeanPostProcessor wrapper() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof DataSource source && !Proxy.isProxyClass(bean.getClass()) ? wrap(source) : bean;
			}
		};
	}

	private static DataSource wrap(DataSource source) {
		var interfaces = source instanceof java.io.Closeable
				? new Class<?>[] { DataSource.class, java.io.Closeable.class } : new Class<?>[] { DataSource.class };
		return (DataSource) Proxy.newProxyInstance(Statements.class.getClassLoader(), interfaces,
				forward(source, (method, result) -> "getConnection".equals(method.getName()) ? connection((Connection) result)
						: result));
	}

	private static Connection connection(Connection connection) {
		return (Connection) Proxy.newProxyInstance(Statements.class.getClassLoader(), new Class<?>[] { Connection.class },
				forward(connection, (method, result) -> {
					var count = COUNT.get();
					if (count != null && PREPARING.contains(method.getName())) {
						count[0]++;
					}
					return result;
				}));
	}

	private interface After {

		Object apply(Method method, Object result);

	}

	private static InvocationHandler forward(Object target, After after) {
		return (proxy, method, args) -> {
			if ("equals".equals(method.getName()) && args != null && args.length == 1) {
				return proxy == args[0];
			}
			// unwrap and isWrapperFor reach the pool itself (Boot's metrics and health look for Hikari).
			try {
				return after.apply(method, method.invoke(target, args));
			}
			catch (InvocationTargetException e) {
				throw e.getCause();
			}
		};
	}

}
