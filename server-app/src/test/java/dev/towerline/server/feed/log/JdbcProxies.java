package dev.towerline.server.feed.log;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** JDBC objects that behave as the real ones and let a test see or change each call's result. */
final class JdbcProxies {
  private JdbcProxies() {}

  /** What a proxy does with the real call's arguments and result. */
  interface AfterCall {
    Object apply(Method method, Object[] args, Object result) throws Exception;
  }

  static <T> T proxy(Class<T> type, T real, AfterCall after) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      try {
        return after.apply(method, args, method.invoke(real, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }));
  }
}
