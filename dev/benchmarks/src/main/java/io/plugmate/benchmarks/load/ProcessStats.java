package io.plugmate.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time and memory of a process and its descendants, from Linux's /proc (PostgreSQL is a postmaster with one backend
 * per connection; a JVM is one process). Memory: the resident set of a single process; for a tree the proportional
 * set size (Pss), so that PostgreSQL's shared buffers are not counted once per backend.
 */
final class ProcessStats {

    /** Clock ticks per second of /proc/[pid]/stat's utime and stime: USER_HZ, 100 on every Linux we run on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessStats() {
    }

    /** CPU seconds (user + system) used so far by the process and its live descendants. */
    static double cpuSeconds(long pid) {
        return tree(pid).mapToLong(ProcessStats::ticks).sum() / TICKS_PER_SECOND;
    }

    /** CPU seconds of the process alone (all its threads), without its descendants. */
    static double ownCpuSeconds(long pid) {
        return ticks(pid) / TICKS_PER_SECOND;
    }

    /** VmRSS of the process alone, in MiB. */
    static double ownMemoryMib(long pid) {
        return kib(pid, "status", "VmRSS:") / 1024.0;
    }

    /** Resident memory in MiB: VmRSS of a lone process, the sum of Pss over a tree. */
    static double memoryMib(long pid) {
        List<Long> pids = tree(pid).toList();
        if (pids.size() == 1) {
            return kib(pid, "status", "VmRSS:") / 1024.0;
        }
        return pids.stream().mapToLong(p -> kib(p, "smaps_rollup", "Pss:")).sum() / 1024.0;
    }

    /**
     * A lone process's resident memory split by what backs it, in MiB: {@code rss} = {@code anon} (heap, C heap, thread
     * stacks, and every page of a private file mapping the process wrote to) + {@code file} (pages of mapped files it
     * only read: libjvm, the jars, the parts of the AOT cache left as mapped); {@code pss} counts each page shared with
     * other processes (other JVMs of the same JDK share libjvm's) by its share.
     */
    record Memory(double rss, double anon, double file, double pss, Mapping aotCache) {
    }

    static Memory ownMemory(long pid) {
        return new Memory(kib(pid, "status", "VmRSS:") / 1024.0, kib(pid, "status", "RssAnon:") / 1024.0,
                kib(pid, "status", "RssFile:") / 1024.0, kib(pid, "smaps_rollup", "Pss:") / 1024.0,
                mapping(pid, ".aot"));
    }

    /**
     * What of the mapped files whose name ends with {@code suffix} (the JDK's AOT cache) is resident, in MiB:
     * {@code resident} all of it, {@code written} the pages the process wrote (private dirty: its own, shared with no
     * one), the rest only read (clean: file pages another process mapping the same file may share).
     */
    record Mapping(double resident, double written) {
    }

    private static final java.util.regex.Pattern MAPPING_HEADER = java.util.regex.Pattern.compile("[0-9a-f]+-[0-9a-f]+ ");

    static Mapping mapping(long pid, String suffix) {
        long rss = 0;
        long dirty = 0;
        boolean inside = false;
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "smaps"))) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (MAPPING_HEADER.matcher(line).lookingAt()) {
                    // a mapping's header: address range, permissions, offset, device, inode[, path]
                    inside = line.strip().endsWith(suffix);
                } else if (inside && line.startsWith("Rss:")) {
                    rss += Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                } else if (inside && line.startsWith("Private_Dirty:")) {
                    dirty += Long.parseLong(line.substring(14).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Mapping(0, 0);
        }
        return new Mapping(rss / 1024.0, dirty / 1024.0);
    }

    private static Stream<Long> tree(long pid) {
        return ProcessHandle.of(pid).map(h -> Stream.concat(Stream.of(h), h.descendants()).map(ProcessHandle::pid))
                .orElse(Stream.empty());
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name in parentheses may hold spaces: fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // exited meanwhile
        }
    }

    private static long kib(long pid, String file, String key) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), file))) {
            return lines.filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0])).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
