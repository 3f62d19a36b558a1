package io.cebgw.core.spec;

/** How many times an element may occur: {@code min..max}, {@code max == UNBOUNDED} for no upper limit. */
public record Occurs(int min, int max) {
    public static final int UNBOUNDED = Integer.MAX_VALUE;
    public static final Occurs ONE = new Occurs(1, 1);
    public static final Occurs OPTIONAL = new Occurs(0, 1);

    public Occurs {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("bad occurs " + min + ".." + max);
        }
    }

    public static Occurs parse(String min, String max) {
        return new Occurs(Integer.parseInt(min), "*".equals(max) ? UNBOUNDED : Integer.parseInt(max));
    }

    public boolean repeatable() {
        return max > 1;
    }

    @Override
    public String toString() {
        return min + ".." + (max == UNBOUNDED ? "n" : String.valueOf(max));
    }
}
