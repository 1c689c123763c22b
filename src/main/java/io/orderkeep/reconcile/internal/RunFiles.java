package io.orderkeep.reconcile.internal;

import io.orderkeep.platform.OrderkeepProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Settlement files kept in {@code <dataDir>/reconciliations/<sha256>.csv}, so a resumed run reads them again; a dry
 * run's file is a scratch copy in the system's temporary directory, deleted once the run is done with it.
 */
@Component
class RunFiles {

    record Kept(Path path, String sha256) {}

    private final Path dir;

    RunFiles(OrderkeepProperties properties) {
        this.dir = properties.dataDir().resolve("reconciliations");
    }

    /** Copies the stream into the directory under its SHA-256 (the same content lands on the same file). */
    Kept keep(InputStream in) {
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "upload", ".part");
            String hex = copy(in, temp);
            Path target = dir.resolve(hex + ".csv");
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Kept(target.toAbsolutePath(), hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the stream to a temporary file outside the data directory: a dry run writes nothing there. */
    Kept scratch(InputStream in) {
        try {
            Path temp = Files.createTempFile("orderkeep-dry-run", ".csv");
            return new Kept(temp.toAbsolutePath(), copy(in, temp));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a scratch copy. */
    static void discard(Kept scratch) {
        try {
            Files.deleteIfExists(scratch.path());
        } catch (IOException e) {
            // Nothing reads it again; what is left in the temporary directory is the system's to clean.
            throw new UncheckedIOException("could not delete the dry run's copy " + scratch.path(), e);
        }
    }

    private static String copy(InputStream in, Path to) throws IOException {
        try (in) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(to), sha)) {
                in.transferTo(out);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
