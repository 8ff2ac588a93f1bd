package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class HeapErgonomicsTest {

  @Test
  void an_idle_server_is_set_to_return_its_heap_when_the_operator_chose_nothing() {
    FakeVm vm = new FakeVm();
    vm.flag("MaxHeapSize", "6442450944", VMOption.Origin.ERGONOMIC);

    List<String> applied = new HeapErgonomics(vm, true).applyDefaults();

    assertThat(applied).containsExactly("MinHeapFreeRatio=10", "MaxHeapFreeRatio=30", "G1PeriodicGCInterval=10000");
    assertThat(vm.value("G1PeriodicGCInterval")).isEqualTo("10000");
    assertThat(new HeapErgonomics(vm, true).heapLimitChosen()).isFalse();
  }

  @Test
  void flags_the_operator_set_on_the_command_line_are_kept() {
    FakeVm vm = new FakeVm();
    vm.flag("G1PeriodicGCInterval", "5000", VMOption.Origin.VM_CREATION);
    vm.flag("MinHeapFreeRatio", "20", VMOption.Origin.ENVIRON_VAR);
    vm.flag("MaxHeapSize", "268435456", VMOption.Origin.VM_CREATION);

    List<String> applied = new HeapErgonomics(vm, true).applyDefaults();

    assertThat(applied).isEmpty();
    assertThat(vm.value("G1PeriodicGCInterval")).isEqualTo("5000");
    assertThat(vm.value("MaxHeapFreeRatio")).isEqualTo("70");
    assertThat(new HeapErgonomics(vm, true).heapLimitChosen()).isTrue();
  }

  @Test
  void another_collector_is_left_alone() {
    FakeVm vm = new FakeVm();

    assertThat(new HeapErgonomics(vm, false).applyDefaults()).isEmpty();
    assertThat(vm.value("MaxHeapFreeRatio")).isEqualTo("70");
  }

  @Test
  void the_running_jvm_takes_every_flag_at_run_time() {
    HotSpotDiagnosticMXBean real = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    List<String> names = List.of(HeapErgonomics.MAX_FREE, HeapErgonomics.MIN_FREE, HeapErgonomics.PERIODIC_GC);
    Map<String, String> before = new HashMap<>();
    names.forEach(name -> before.put(name, real.getVMOption(name).getValue()));
    try {
      names.forEach(name -> assertThat(real.getVMOption(name).isWriteable()).as(name).isTrue());
      new HeapErgonomics(new OnlyDefaults(real), true).applyDefaults();
      assertThat(real.getVMOption(HeapErgonomics.MAX_FREE).getValue()).isEqualTo("30");
      assertThat(real.getVMOption(HeapErgonomics.MIN_FREE).getValue()).isEqualTo("10");
      assertThat(real.getVMOption(HeapErgonomics.PERIODIC_GC).getValue()).isEqualTo("10000");
    } finally {
      real.setVMOption(HeapErgonomics.MAX_FREE, before.get(HeapErgonomics.MAX_FREE));
      real.setVMOption(HeapErgonomics.MIN_FREE, before.get(HeapErgonomics.MIN_FREE));
      real.setVMOption(HeapErgonomics.PERIODIC_GC, before.get(HeapErgonomics.PERIODIC_GC));
    }
  }

  /**
   * The test JVM, as if started without heap options: surefire may pass some, and the real JVM's
   * constraints between the flags are what this checks.
   */
  private record OnlyDefaults(HotSpotDiagnosticMXBean real) implements HotSpotDiagnosticMXBean {
    @Override
    public VMOption getVMOption(String name) {
      VMOption option = real.getVMOption(name);
      return new VMOption(name, option.getValue(), option.isWriteable(), VMOption.Origin.DEFAULT);
    }

    @Override
    public void setVMOption(String name, String value) {
      real.setVMOption(name, value);
    }

    @Override
    public List<VMOption> getDiagnosticOptions() {
      return real.getDiagnosticOptions();
    }

    @Override
    public void dumpHeap(String outputFile, boolean live) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ObjectName getObjectName() {
      return real.getObjectName();
    }
  }

  /** The flags a JVM started without options has, with their origins. */
  private static final class FakeVm implements HotSpotDiagnosticMXBean {
    private final Map<String, VMOption> flags = new HashMap<>();

    FakeVm() {
      flag("G1PeriodicGCInterval", "0", VMOption.Origin.DEFAULT);
      flag("MinHeapFreeRatio", "40", VMOption.Origin.DEFAULT);
      flag("MaxHeapFreeRatio", "70", VMOption.Origin.DEFAULT);
      flag("MaxHeapSize", "6442450944", VMOption.Origin.ERGONOMIC);
      flag("MaxRAMPercentage", "25.0", VMOption.Origin.DEFAULT);
      flag("MaxRAM", "137438953472", VMOption.Origin.DEFAULT);
    }

    void flag(String name, String value, VMOption.Origin origin) {
      flags.put(name, new VMOption(name, value, true, origin));
    }

    String value(String name) {
      return flags.get(name).getValue();
    }

    @Override
    public VMOption getVMOption(String name) {
      VMOption option = flags.get(name);
      if (option == null) {
        throw new IllegalArgumentException("no flag " + name);
      }
      return option;
    }

    @Override
    public void setVMOption(String name, String value) {
      flag(name, value, VMOption.Origin.MANAGEMENT);
    }

    @Override
    public List<VMOption> getDiagnosticOptions() {
      return List.copyOf(flags.values());
    }

    @Override
    public void dumpHeap(String outputFile, boolean live) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ObjectName getObjectName() {
      throw new UnsupportedOperationException();
    }
  }
}
