package dev.towerline.sdkit.guide;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The complete program of a Markdown guide: the one {@code ```java} block that declares a {@code
 * main} method. Compiled with the JDK's compiler against this JVM's classpath, so it sees exactly
 * the SDK a reader would (a compile error is reported at its line in the guide), and run as its own
 * {@code java} process, so what it prints is all that is printed.
 */
record GuideProgram(Path guide, int firstLine, String className, String source) {
  private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```$", Pattern.DOTALL);
  private static final Pattern CLASS = Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)");

  /** The guide's complete program; fails unless there is exactly one. */
  static GuideProgram in(Path guide) throws IOException {
    return of(guide, Files.readString(guide));
  }

  static GuideProgram of(Path guide, String markdown) {
    List<GuideProgram> programs = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(markdown);
    while (block.find()) {
      String source = block.group(1);
      Matcher declared = CLASS.matcher(source);
      if (source.contains("static void main(") && declared.find()) {
        int firstLine = lineOf(markdown, block.start(1));
        programs.add(new GuideProgram(guide, firstLine, declared.group(1), source));
      }
    }
    if (programs.size() != 1) {
      throw new IllegalStateException(
          guide + " must have exactly one ```java block with a public class and a main method, found " + programs.size());
    }
    return programs.get(0);
  }

  /** What a run printed, and how it ended. */
  record Run(int exitCode, String out, String err) {}

  /**
   * Compiles the program into {@code outputDir}.
   *
   * @return the directory of its classes
   * @throws AssertionError listing each diagnostic as {@code guide:line: message}
   */
  Path compile(Path outputDir) throws IOException {
    Path sourceFile = outputDir.resolve("src").resolve(className + ".java");
    Path classes = Files.createDirectories(outputDir.resolve("classes"));
    Files.createDirectories(sourceFile.getParent());
    Files.writeString(sourceFile, source);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options =
          List.of("--release", "17", "-proc:none", "-Xlint:all", "-classpath", testClasspath(), "-d", classes.toString());
      boolean compiled =
          javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(sourceFile.toFile())).call();
      if (!compiled) {
        throw new AssertionError("The complete program of " + guide + " does not compile:\n" + describe(diagnostics));
      }
    }
    return classes;
  }

  /** Runs the compiled program with {@code args} in a new JVM; kills it after {@code timeout}. */
  Run run(Path classes, Duration timeout, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-classpath");
    command.add(classes + File.pathSeparator + testClasspath());
    command.add(className);
    command.addAll(List.of(args));
    Path out = Files.createTempFile(classes, "out", ".txt");
    Path err = Files.createTempFile(classes, "err", ".txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(className + " did not end within " + timeout + "; it printed:\n" + Files.readString(out) + Files.readString(err));
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private String describe(DiagnosticCollector<JavaFileObject> diagnostics) {
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> "  " + guide + ":" + (firstLine + d.getLineNumber() - 1) + ": " + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }

  /** Surefire may start the JVM from a manifest-only jar; the real entries are in its property. */
  private static String testClasspath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  @Override
  public String toString() {
    return guide + ":" + firstLine + " (" + className + ")";
  }
}
