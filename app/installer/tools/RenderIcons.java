import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build-time tool: renders the Ringside icon from its SVG source into PNGs (16 to 512 px), a Windows {@code .ico}
 * and a macOS {@code .icns}. Both container formats hold PNG images, which Windows (Vista and later) and macOS
 * (10.7 and later) read. Run by {@code mvn -B -Picons generate-resources}; Batik comes from Maven Central.
 *
 * <p>Usage: {@code java -cp <batik classpath> RenderIcons.java <icon.svg> <output folder>}
 */
public final class RenderIcons {

    static final List<Integer> PNG_SIZES = List.of(16, 32, 48, 64, 128, 256, 512);
    static final List<Integer> ICO_SIZES = List.of(16, 32, 48, 64, 128, 256);

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("Usage: RenderIcons <icon.svg> <output folder>");
            System.exit(2);
        }
        Path svg = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        String base = svg.getFileName().toString().replaceFirst("\\.svg$", "");
        SvgRasterizer rasterizer = new SvgRasterizer(svg);

        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        for (int size : List.of(16, 32, 48, 64, 128, 256, 512, 1024)) {
            pngs.put(size, rasterizer.png(size));
        }
        for (int size : PNG_SIZES) {
            write(out.resolve(base + "-" + size + ".png"), pngs.get(size));
        }
        Map<Integer, byte[]> ico = new LinkedHashMap<>();
        ICO_SIZES.forEach(size -> ico.put(size, pngs.get(size)));
        write(out.resolve(base + ".ico"), IcoFile.of(ico));
        write(out.resolve(base + ".icns"), IcnsFile.of(pngs));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        System.out.println("wrote " + file + " (" + bytes.length + " bytes)");
    }
}

/** Renders one SVG file to PNG at a given square size. */
final class SvgRasterizer {

    private final Path svg;

    SvgRasterizer(Path svg) {
        this.svg = svg;
    }

    byte[] png(int size) throws TranscoderException {
        PNGTranscoder transcoder = new PNGTranscoder();
        transcoder.addTranscodingHint(PNGTranscoder.KEY_WIDTH, (float) size);
        transcoder.addTranscodingHint(PNGTranscoder.KEY_HEIGHT, (float) size);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        transcoder.transcode(new TranscoderInput(svg.toUri().toString()), new TranscoderOutput(bytes));
        return bytes.toByteArray();
    }
}

/** A Windows icon file whose images are PNGs (little-endian ICONDIR, one ICONDIRENTRY per size, then the images). */
final class IcoFile {

    private IcoFile() {
    }

    static byte[] of(Map<Integer, byte[]> pngBySize) {
        int count = pngBySize.size();
        int headerSize = 6 + 16 * count;
        int total = headerSize + pngBySize.values().stream().mapToInt(b -> b.length).sum();
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) count);
        int offset = headerSize;
        for (Map.Entry<Integer, byte[]> e : pngBySize.entrySet()) {
            int size = e.getKey();
            buf.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            buf.put((byte) 0).put((byte) 0);
            buf.putShort((short) 1).putShort((short) 32);
            buf.putInt(e.getValue().length).putInt(offset);
            offset += e.getValue().length;
        }
        pngBySize.values().forEach(buf::put);
        return buf.array();
    }
}

/** A macOS icon file whose images are PNGs (big-endian 'icns' header, one typed element per size). */
final class IcnsFile {

    /** PNG element types by pixel size, as macOS 10.7+ reads them. */
    private static final Map<Integer, String> TYPES = Map.of(
            16, "icp4", 32, "icp5", 64, "icp6", 128, "ic07", 256, "ic08", 512, "ic09", 1024, "ic10");

    private IcnsFile() {
    }

    static byte[] of(Map<Integer, byte[]> pngBySize) throws IOException {
        ByteArrayOutputStream elements = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(elements);
        for (Map.Entry<Integer, byte[]> e : pngBySize.entrySet()) {
            String type = TYPES.get(e.getKey());
            if (type == null) {
                continue;
            }
            data.writeBytes(type);
            data.writeInt(8 + e.getValue().length);
            data.write(e.getValue());
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(file);
        out.writeBytes("icns");
        out.writeInt(8 + elements.size());
        out.write(elements.toByteArray());
        return file.toByteArray();
    }
}
