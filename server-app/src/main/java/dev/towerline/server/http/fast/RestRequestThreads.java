package dev.towerline.server.http.fast;

import java.util.concurrent.Executor;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;

/**
 * The server's HTTP handler: a request its front answers inline (a fast path: CPU only) stays on
 * the Grizzly thread that read it; every other request runs on the REST threads, writes (which
 * wait for their commit) on many, reads on few. A request waiting there for a commit, the database
 * or a health check holds none of the threads that read connections, answer the fast paths and
 * carry the feeds; and reads, which use CPU rather than wait, are not spread over more runnable
 * threads than the cores can switch between cheaply.
 */
public final class RestRequestThreads extends HttpHandler {
  private final HttpHandler front;
  private final RequestExecutorProvider executors;

  public RestRequestThreads(HttpHandler front, Executor writes, Executor reads) {
    this.front = front;
    this.executors = request -> {
      if (front instanceof InlineAnswers inline && inline.answersInline(request) && canAnswerAtOnce(request)) {
        return null;
      }
      return isRead(request.getMethod()) ? reads : writes;
    };
    setAllowEncodedSlash(front.isAllowEncodedSlash());
    setAllowCustomStatusMessage(front.isAllowCustomStatusMessage());
    setRequestURIEncoding(front.getRequestURIEncoding());
  }

  /**
   * Whether the connection takes an answer without waiting. The thread that read the request also
   * reads and writes many other connections: an answer to a client that reads nothing, whose
   * connection's write queue is full, goes to the read threads, where waiting for that client holds
   * only that thread. A {@code true} here also spares the answer's write that wait.
   */
  private static boolean canAnswerAtOnce(Request request) {
    return request.getResponse().getOutputBuffer().canWrite();
  }

  private static boolean isRead(Method method) {
    return method == Method.GET || method == Method.HEAD || method == Method.OPTIONS;
  }

  @Override
  public RequestExecutorProvider getRequestExecutorProvider() {
    return executors;
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    front.service(request, response);
  }

  @Override
  public void start() {
    front.start();
  }

  @Override
  public void destroy() {
    front.destroy();
  }
}
