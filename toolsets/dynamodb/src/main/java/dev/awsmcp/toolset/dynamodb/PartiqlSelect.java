package dev.awsmcp.toolset.dynamodb;

import java.util.List;

/**
 * A PartiQL statement checked to be a single read-only SELECT.
 *
 * @param table the table it reads
 * @param index the index it reads, or {@code null} for the table itself
 */
record PartiqlSelect(String table, String index) {

    /** Every table the statement reads (DynamoDB's SELECT reads exactly one). */
    List<String> tables() {
        return List.of(table);
    }
}
