package io.orderkeep.ops.evidence;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the rows one order's evidence is made of, straight from the tables that hold them, as column → value maps
 * (camelCase keys): the export shows what is stored, not what a view of it would show.
 */
@Component
public class EvidenceQueries {

    private final JdbcClient jdbc;

    public EvidenceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> rows(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query((rs, i) -> row(rs)).list();
    }

    /** Rows whose {@code column} is one of {@code values}; empty without values. */
    public List<Map<String, Object>> rowsIn(String sqlBeforeIn, List<?> values, String after) {
        if (values.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
        return rows(sqlBeforeIn + " (" + marks + ") " + after, values.toArray());
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        var row = new LinkedHashMap<String, Object>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            Object value = rs.getObject(c);
            if (value instanceof Integer n) {
                value = n.longValue();
            }
            row.put(camel(meta.getColumnLabel(c)), value);
        }
        return row;
    }

    private static String camel(String column) {
        var out = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }
}
