package dev.latchkey.bench.hotpath;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * connected-apps-service's CPU profile from its Flight Recording ({@code jdk.ExecutionSample}, the {@code profile}
 * settings: a sample every 10 ms of a running Java thread): the methods most often on top of a stack (self) and
 * anywhere in it (total, each method once per sample), and the total of Latchkey's own methods. Stacks are JFR's first 64
 * frames; the recording covers the service's whole life (start, fixtures, figures 1, 3 and 4).
 */
public final class Profile {

    static final int TOP = 15;
    private static final String OWN = "dev.latchkey.";

    private Profile() {
    }

    /** Flight Recorder's options for a service whose recording goes to {@code recording} when it stops. */
    public static List<String> jvmOptions(Path recording) {
        return List.of("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
    }

    public static void print(String service, Path recording) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                self.merge(name(frames.get(0).getMethod()), 1L, Long::sum);
                Set<String> inStack = new HashSet<>();
                frames.forEach(frame -> inStack.add(name(frame.getMethod())));
                inStack.forEach(method -> total.merge(method, 1L, Long::sum));
            }
        }
        System.out.printf("profile of %s (%s): %d execution samples%n", service, recording, samples);
        printTop("self (top frame)", self, samples);
        printTop("total (anywhere in the stack)", total, samples);
        // The framework's frames (Netty, Vert.x, Mutiny) lead any total list; Latchkey's own say which path costs what.
        printTop("total, Latchkey's own methods", total.entrySet().stream().filter(entry -> entry.getKey().startsWith(OWN))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), samples);
    }

    private static void printTop(String title, Map<String, Long> counts, long samples) {
        System.out.printf("  top %d by %s:%n", TOP, title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(entry -> System.out.printf("    %6d %5.1f%%  %s%n", entry.getValue(), 100.0 * entry.getValue() / samples,
                        entry.getKey()));
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }
}
