package io.orderkeep.reconcile.jdbc;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/** A run as stored: its file, the settlement day and zone its window is taken from, how far it got. */
public record StoredRun(String id, String provider, String fileSha256, Path file, LocalDate day, ZoneId zone,
        String status, long rowsTotal, long checkpointLine, String error) {}
