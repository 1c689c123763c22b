package io.orderkeep.reconcile.jdbc;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code reconciliation_runs} table. A run is worked by whoever holds its lease; an expired lease is free. */
@Component
public class Runs {

    private final JdbcClient jdbc;
    private final Clock clock;

    Runs(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a new run, or answers the run already stored for the same file of the same provider and day. */
    public StoredRun insertOrExisting(StoredRun run, String createdBy) {
        jdbc.sql("""
                INSERT INTO reconciliation_runs (id, provider, file_sha256, file_path, day, zone, status, rows_total,
                    checkpoint_line, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                ON CONFLICT (provider, day, file_sha256) DO NOTHING""")
                .params(run.id(), run.provider(), run.fileSha256(), run.file().toString(), run.day().toString(),
                        run.zone().getId(), run.status(), run.rowsTotal(), createdBy, clock.millis())
                .update();
        return jdbc.sql("SELECT * FROM reconciliation_runs WHERE provider = ? AND day = ? AND file_sha256 = ?")
                .params(run.provider(), run.day().toString(), run.fileSha256()).query(Runs::run).single();
    }

    public Optional<StoredRun> find(String id) {
        return jdbc.sql("SELECT * FROM reconciliation_runs WHERE id = ?").param(id).query(Runs::run).optional();
    }

    /** Takes the lease of a RUNNING run that nobody holds (or whose holder stopped renewing); false if taken. */
    public boolean claim(String id, String owner, Duration lease) {
        long now = clock.millis();
        return jdbc.sql("""
                UPDATE reconciliation_runs SET lease_owner = ?, lease_until = ?, version = version + 1
                WHERE id = ? AND status = 'RUNNING' AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?)""")
                .params(owner, now + lease.toMillis(), id, now, owner).update() == 1;
    }

    /** RUNNING runs whose lease is free: a crashed instance's, or one never started. */
    public List<String> abandoned() {
        return jdbc.sql("SELECT id FROM reconciliation_runs WHERE status = 'RUNNING' "
                + "AND (lease_until IS NULL OR lease_until < ?) ORDER BY id")
                .param(clock.millis()).query(String.class).list();
    }

    /** Moves the checkpoint and renews the lease; in the transaction that stored the rows up to {@code line}. */
    public boolean checkpoint(String id, String owner, long line, Duration lease) {
        return jdbc.sql("UPDATE reconciliation_runs SET checkpoint_line = ?, lease_until = ?, version = version + 1 "
                + "WHERE id = ? AND lease_owner = ?")
                .params(line, clock.millis() + lease.toMillis(), id, owner).update() == 1;
    }

    /** Renews the lease without moving the checkpoint (the final pass); false when another holds it now. */
    public boolean renew(String id, String owner, Duration lease) {
        return jdbc.sql("UPDATE reconciliation_runs SET lease_until = ?, version = version + 1 WHERE id = ? "
                + "AND lease_owner = ?").params(clock.millis() + lease.toMillis(), id, owner).update() == 1;
    }

    public void finish(String id, String status, String error) {
        jdbc.sql("UPDATE reconciliation_runs SET status = ?, error = ?, finished_at = ?, lease_owner = NULL, "
                + "lease_until = NULL, version = version + 1 WHERE id = ?")
                .params(status, error, clock.millis(), id).update();
    }

    /** A failed run submitted again works again from its checkpoint; false when it had not failed. */
    public boolean retryFailed(String id) {
        return jdbc.sql("UPDATE reconciliation_runs SET status = 'RUNNING', error = NULL, finished_at = NULL, "
                + "version = version + 1 WHERE id = ? AND status = 'FAILED'").param(id).update() == 1;
    }

    private static StoredRun run(ResultSet rs, int row) throws SQLException {
        return new StoredRun(rs.getString("id"), rs.getString("provider"), rs.getString("file_sha256"),
                Path.of(rs.getString("file_path")), LocalDate.parse(rs.getString("day")),
                ZoneId.of(rs.getString("zone")), rs.getString("status"), rs.getLong("rows_total"),
                rs.getLong("checkpoint_line"), rs.getString("error"));
    }
}
