package io.plugmate.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The NMT summary as JDK 25's {@code jcmd <pid> VM.native_memory summary} prints it, reduced to committed MiB. */
class NativeMemoryTest {

    /** A summary in JDK 25's layout (figures of pairing-service after start), most categories left out. */
    private static final String SUMMARY = """
            12345:

            Native Memory Tracking:

            (Omitting categories weighting less than 1KB)

            Total: reserved=1726398KB, committed=262118KB
                   malloc: 41223KB #402330, peak=70631KB #531022
                   mmap:   reserved=1685175KB, committed=220895KB

            -                 Java Heap (reserved=524288KB, committed=67584KB)
                                        (mmap: reserved=524288KB, committed=67584KB, peak=67584KB)

            -                     Class (reserved=1050124KB, committed=9612KB)
                                        (classes #20720)
                                        (  instance classes #19576, array classes #1144)
                                        (malloc=1548KB #41237) (peak=1556KB #41240)
                                        (mmap: reserved=1048576KB, committed=8064KB, at peak)

            -                    Thread (reserved=17536KB, committed=1472KB)
                                        (threads #17)
                                        (stack: reserved=17476KB, committed=1412KB, peak=1412KB)

            -                      Code (reserved=249856KB, committed=18944KB)
                                        (malloc=1794KB #20000) (peak=1800KB #20010)
                                        (mmap: reserved=248064KB, committed=17150KB, at peak)

            -                        GC (reserved=1372KB, committed=1372KB)
                                        (malloc=44KB #200) (peak=50KB #210)

            -                    Symbol (reserved=12288KB, committed=12288KB)
                                        (malloc=10240KB #300000) (at peak)

            -                 Metaspace (reserved=131072KB, committed=53248KB)
                                        (mmap: reserved=131072KB, committed=53248KB, at peak)

            """;

    @Test
    void committedMemoryPerCategory() {
        NativeMemory.Summary summary = NativeMemory.parse(SUMMARY);
        assertThat(summary.totalKib()).isEqualTo(262118);
        assertThat(summary.mallocKib()).isEqualTo(41223);
        assertThat(summary.classes()).isEqualTo(20720);
        assertThat(summary.threads()).isEqualTo(17);
        assertThat(summary.committedKib()).containsEntry("Java Heap", 67584L).containsEntry("Metaspace", 53248L)
                .containsEntry("GC", 1372L).hasSize(7);
        assertThat(summary.line()).startsWith("NMT committed 256 MiB (malloc 40, 20720 classes, 17 threads): Java Heap 66,"
                + " Metaspace 52, Code 19, Symbol 12, Class 9, Thread 1, GC 1");
    }

    @Test
    void theAotCacheMappedIsACategoryToo() {
        NativeMemory.Summary summary = NativeMemory.parse("""
                Total: reserved=1764177KB, committed=413689KB
                       malloc: 45933KB #600000, peak=70631KB #531022
                -        Shared class space (reserved=81920KB, committed=70744KB, readonly=0KB)
                                            (mmap: reserved=81920KB, committed=70744KB, peak=71744KB)
                """);
        assertThat(summary.committedKib()).containsEntry("Shared class space", 70744L);
    }

    @Test
    void noSummaryWithoutTracking() {
        assertThat(NativeMemory.parse("12345:\nNative memory tracking is not enabled\n")).isNull();
        assertThat(NativeMemory.tracked(List.of("-XX:+UseSerialGC", "-XX:NativeMemoryTracking=summary"))).isTrue();
        assertThat(NativeMemory.tracked(List.of("-XX:NativeMemoryTracking=off"))).isFalse();
    }

    @Test
    void tableWithTheResidentSetBeyondTheTotal() {
        String table = NativeMemory.table(List.of(new NativeMemory.Row("1000/s", "pairing-service", 300,
                NativeMemory.parse(SUMMARY))));
        assertThat(table).startsWith("| at | service | RSS | NMT total | malloc | RSS − NMT | classes | threads |"
                + " Java Heap | Class | Thread | Code | GC | Symbol | Metaspace |")
                .contains("| 1000/s | pairing-service | 300 | 256 | 40 | 44 | 20720 | 17 | 66 | 9 | 1 | 19 | 1 | 12 | 52 |");
    }
}
