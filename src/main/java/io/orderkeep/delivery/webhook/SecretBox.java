package io.orderkeep.delivery.webhook;

import io.orderkeep.delivery.DeliveryProperties;
import io.orderkeep.platform.OrderkeepProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keeps endpoint secrets encrypted at rest (AES-256-GCM), because the dispatcher must sign with them and so cannot
 * keep only a hash. The key is {@code orderkeep.delivery.secret-key} (give the same one to every instance on a
 * shared database), or else a key file {@code webhook-secrets.key} that the first start writes into the data dir,
 * readable by its owner only. A copied database without the key gives no usable secret.
 */
@Component
class SecretBox {

    private static final String VERSION = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SecretBox(DeliveryProperties delivery, OrderkeepProperties orderkeep) {
        byte[] raw = delivery.secretKey() != null && !delivery.secretKey().isBlank()
                ? Base64.getDecoder().decode(delivery.secretKey().strip())
                : keyFile(orderkeep.dataDir().resolve("webhook-secrets.key"));
        if (raw.length != 32) {
            throw new IllegalStateException("the webhook secret key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    String seal(String secret) {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to encrypt", e);
        }
    }

    String open(String sealed) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("an endpoint secret is not in the expected sealed format");
        }
        byte[] all = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt an endpoint secret: is this the key it was sealed with?", e);
        }
    }

    private static byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            try {
                Files.writeString(file, Base64.getEncoder().encodeToString(raw), StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException anotherStartWroteItFirst) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            restrictToOwner(file);
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the webhook secret key " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
