package dev.towerline.server.http.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.threadpool.GrizzlyExecutorService;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over real HTTP on a bare Grizzly server: what the front answers inline stays on Grizzly's own
 * threads, writes run on the write threads with their bodies, reads on the read threads, and write
 * threads that are all blocked hold up no read and no inline answer.
 */
class RestRequestThreadsTest {
  private static final String INLINE = "/inline";
  private static final String BLOCKING = "/blocking";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch blocked = new CountDownLatch(1);
  private ExecutorService writeThreads;
  private ExecutorService readThreads;
  private HttpServer grizzly;
  private int port;

  /** Names the thread it answered on; reads and echoes a body; {@value #BLOCKING} waits for the test. */
  private final class Front extends HttpHandler implements InlineAnswers {
    @Override
    public boolean answersInline(Request request) {
      return request.getRequestURI().equals(INLINE);
    }

    @Override
    public void service(Request request, Response response) throws Exception {
      if (request.getRequestURI().equals(BLOCKING)) {
        blocked.countDown();
        release.await(10, TimeUnit.SECONDS);
      }
      String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      response.setHeader("X-Thread", Thread.currentThread().getName());
      response.setContentType("text/plain");
      response.getWriter().write(body);
    }
  }

  @BeforeEach
  void start() throws IOException {
    writeThreads = pool("write-test");
    readThreads = pool("read-test");
    grizzly = new HttpServer();
    grizzly.addListener(new NetworkListener("rest-request-threads-test", "127.0.0.1", 0));
    grizzly.getServerConfiguration().addHttpHandler(new RestRequestThreads(new Front(), writeThreads, readThreads), "/");
    grizzly.start();
    port = grizzly.getListener("rest-request-threads-test").getPort();
  }

  @AfterEach
  void stop() {
    release.countDown();
    grizzly.shutdownNow();
    writeThreads.shutdownNow();
    readThreads.shutdownNow();
  }

  private static ExecutorService pool(String name) {
    return GrizzlyExecutorService.createInstance(
        ThreadPoolConfig.defaultConfig().copy().setPoolName(name).setThreadFactory(null).setCorePoolSize(1).setMaxPoolSize(1));
  }

  @Test
  void inlineAnswersStayOnGrizzlysThreadsWritesAndReadsRunOnTheirOwn() throws Exception {
    HttpResponse<String> inline = send(INLINE, "");
    HttpResponse<String> write = send("/api/v1/executions", "{\"device_serial\":\"a\"}");
    HttpResponse<String> read = send("/api/v1/executions", "");

    assertThat(inline.headers().firstValue("X-Thread").orElseThrow()).doesNotStartWith("write-test").doesNotStartWith("read-test");
    assertThat(write.headers().firstValue("X-Thread").orElseThrow()).startsWith("write-test");
    assertThat(write.body()).isEqualTo("{\"device_serial\":\"a\"}");
    assertThat(read.headers().firstValue("X-Thread").orElseThrow()).startsWith("read-test");
  }

  @Test
  void writeThreadsThatAreAllBlockedHoldUpNoReadAndNoInlineAnswer() throws Exception {
    CompletableFuture<HttpResponse<String>> waiting = sendAsync(BLOCKING, "{}");
    assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<HttpResponse<String>> queued = sendAsync("/api/v1/executions", "{}");

    assertThat(send(INLINE, "").statusCode()).isEqualTo(200);
    assertThat(send("/api/v1/devices/x", "").statusCode()).isEqualTo(200);
    assertThat(queued).isNotDone();
    release.countDown();
    assertThat(waiting.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(queued.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> send(String path, String body) throws Exception {
    return sendAsync(path, body).get(5, TimeUnit.SECONDS);
  }

  private CompletableFuture<HttpResponse<String>> sendAsync(String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
    request = body.isEmpty() ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(body));
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
