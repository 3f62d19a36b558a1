package io.cebgw.bench;

/**
 * Optional CPU profile of a load driver's measured round with async-profiler, when its jar is on the class path and
 * {@code -Dcebgw.load.profile=FILE} is given ({@code .html} flame graph or {@code .collapsed} stacks;
 * {@code -Dcebgw.load.profile-event=alloc} profiles allocations instead of CPU time). Loaded by
 * reflection so that the bench has no dependency on it: {@code java -cp cebgw-bench.jar:async-profiler-4.1.jar
 * -Dcebgw.load.profile=/tmp/load.html io.cebgw.bench.GatewayLoad}.
 */
final class Profiler {
    private final Object instance;
    private final String file;

    private Profiler(Object instance, String file) {
        this.instance = instance;
        this.file = file;
    }

    static Profiler start() throws Exception {
        String file = System.getProperty("cebgw.load.profile");
        if (file == null) {
            return new Profiler(null, null);
        }
        Object instance = Class.forName("one.profiler.AsyncProfiler").getMethod("getInstance").invoke(null);
        String event = System.getProperty("cebgw.load.profile-event", "cpu");
        execute(instance, "start,event=" + event + (event.equals("cpu") ? ",interval=1ms" : "") + ",threads");
        return new Profiler(instance, file);
    }

    void stop() throws Exception {
        if (instance != null) {
            String format = file.endsWith(".html") ? "flamegraph" : "collapsed";
            execute(instance, "stop," + format + ",file=" + file);
            System.out.println("  profile written to " + file);
        }
    }

    private static void execute(Object instance, String command) throws Exception {
        instance.getClass().getMethod("execute", String.class).invoke(instance, command);
    }
}
