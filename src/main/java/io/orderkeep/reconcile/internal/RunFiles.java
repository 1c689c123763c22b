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

/** Settlement files kept in {@code <dataDir>/reconciliations/<sha256>.csv}, so a resumed run reads them again. */
@Component
class RunFiles {

    record Kept(Path path, String sha256) {}

    private final Path dir;

    RunFiles(OrderkeepProperties properties) {
        this.dir = properties.dataDir().resolve("reconciliations");
    }

    /** Copies the stream into the directory under its SHA-256 (the same content lands on the same file). */
    Kept keep(InputStream in) {
        try (in) {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "upload", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                in.transferTo(out);
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            Path target = dir.resolve(hex + ".csv");
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Kept(target.toAbsolutePath(), hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
