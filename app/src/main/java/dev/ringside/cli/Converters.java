package dev.ringside.cli;

import dev.ringside.engine.Consistency;
import dev.ringside.engine.RangeJobOptions;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/**
 * Value converters whose messages say what a value must look like, instead of picocli's "is not an int". picocli
 * prefixes them with "Invalid value for option '--name': ".
 */
final class Converters {

    private Converters() {
    }

    /** Registers the number converters for every command. */
    static void register(CommandLine cli) {
        cli.registerConverter(Integer.class, Converters::wholeNumber);
        cli.registerConverter(Integer.TYPE, Converters::wholeNumber);
        cli.registerConverter(Long.class, Converters::longNumber);
        cli.registerConverter(Long.TYPE, Converters::longNumber);
    }

    static Integer wholeNumber(String value) {
        String v = value.trim().replace("_", "");
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            if (v.matches("[-+]?\\d+")) {
                throw new TypeConversionException("'" + value + "' is too large.");
            }
            throw new TypeConversionException("'" + value + "' is not a whole number.");
        }
    }

    static Long longNumber(String value) {
        String v = value.trim().replace("_", "");
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number from " + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE + ".");
        }
    }

    /** {@code --parallelism}: "auto" (tuned while the job runs), or a fixed whole number. */
    record ParallelismChoice(Integer fixed) {
        static final ParallelismChoice AUTO = new ParallelismChoice(null);
    }

    static final class Parallelism implements ITypeConverter<ParallelismChoice> {
        @Override
        public ParallelismChoice convert(String value) {
            if (value.trim().equalsIgnoreCase("auto")) {
                return ParallelismChoice.AUTO;
            }
            try {
                return new ParallelismChoice(wholeNumber(value));
            } catch (TypeConversionException e) {
                throw new TypeConversionException(e.getMessage().replace(".", "") + "; give auto or a whole number.");
            }
        }
    }

    /** A read consistency level, by name, in any case. */
    static final class ReadConsistency implements ITypeConverter<Consistency> {
        @Override
        public Consistency convert(String value) {
            Optional<Consistency> level = Consistency.named(value);
            if (level.isPresent()) {
                var problem = RangeJobOptions.consistencyProblem(level.get());
                if (problem.isPresent()) {
                    throw new TypeConversionException(problem.get());
                }
                return level.get();
            }
            throw new TypeConversionException("'" + value + "' is not a consistency level; choose one of "
                    + RangeJobOptions.readConsistencyNames() + ".");
        }
    }

    /** The read consistency levels, for the help text. */
    static final class ReadConsistencyNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return RangeJobOptions.READ_CONSISTENCY_LEVELS.stream().map(Enum::name).iterator();
        }
    }
}
