import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build-time tool: drops the native libraries of other OSes and CPUs from copies of jars that bundle one for each
 * (zstd-jni, snappy-java, jffi), keeping those of the OS the installer is built for. The installer ships one OS's
 * runtime, so the others are dead weight (about 11 MB of the .deb). Run by {@code mvn -B -Pinstaller package} on the
 * copies in {@code target/installer/input/lib}; the jars in the local Maven repository are never touched.
 *
 * <p>Usage: {@code java StripNatives.java <lib folder> <jar name glob>=<kept folder> ...}, e.g.
 * {@code zstd-jni-*.jar=linux/amd64/}. A native library is an entry ending in .so, .dylib, .jnilib, .dll or .a; one outside
 * the kept folder is dropped, everything else is copied as it is. It fails, rather than ship a jar that cannot load
 * its library, when a glob matches no jar or a kept folder holds no native library.
 */
public final class StripNatives {

    private static final List<String> NATIVE_SUFFIXES = List.of(".so", ".dylib", ".jnilib", ".dll", ".a");

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("Usage: StripNatives <lib folder> <jar name glob>=<kept folder> ...");
            System.exit(2);
        }
        Path lib = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            String[] rule = args[i].split("=", 2);
            if (rule.length != 2 || rule[0].isEmpty() || rule[1].isEmpty()) {
                System.err.println("Not a rule <jar name glob>=<kept folder>: " + args[i]);
                System.exit(2);
            }
            List<Path> jars = jarsMatching(lib, rule[0]);
            if (jars.isEmpty()) {
                fail("No jar in " + lib + " matches " + rule[0]);
            }
            for (Path jar : jars) {
                strip(jar, rule[1]);
            }
        }
    }

    private static List<Path> jarsMatching(Path lib, String glob) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(lib, glob)) {
            files.forEach(jars::add);
        }
        return jars;
    }

    static boolean isNative(String entry) {
        String name = entry.toLowerCase(Locale.ROOT);
        return NATIVE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static void strip(Path jar, String kept) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        int keptCount = 0;
        int dropped = 0;
        long droppedBytes = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (isNative(entry.getName())) {
                    if (!entry.getName().startsWith(kept)) {
                        dropped++;
                        droppedBytes += entry.getCompressedSize();
                        continue;
                    }
                    keptCount++;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        if (keptCount == 0) {
            Files.delete(tmp);
            fail(jar.getFileName() + " has no native library in " + kept + ": it would not load on this OS");
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "%s: kept %d native librar%s in %s, dropped %d of other OSes (%.1f MB)%n",
                jar.getFileName(), keptCount, keptCount == 1 ? "y" : "ies", kept, dropped, droppedBytes / 1e6);
    }

    private static void fail(String message) {
        System.err.println("StripNatives: " + message);
        System.exit(1);
    }
}
