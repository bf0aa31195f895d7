package org.gazette;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Properties over generated inputs, reproducibly: each try draws its input from its own seed, and a
 * failure names the seed and the input, so it can be run again alone. A fixed base seed keeps CI
 * deterministic; {@code -Dgazette.seed=N} explores other inputs.
 */
public final class Generated {

    private Generated() {}

    /** Checks {@code property} on {@code tries} inputs made by {@code make}; the first failure is rethrown with its input. */
    public static <T> void check(int tries, Function<Random, T> make, Consumer<T> property) {
        long base = Long.getLong("gazette.seed", 20180227L);
        for (int i = 0; i < tries; i++) {
            long seed = base * 1_000_003L + i;
            T input = make.apply(new Random(seed));
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed on try " + i + " (seed " + seed + ") for input:\n" + input + "\n" + e.getMessage(), e);
            }
        }
    }

    /** One of {@code choices}. */
    public static <T> T pick(Random r, List<T> choices) {
        return choices.get(r.nextInt(choices.size()));
    }
}
