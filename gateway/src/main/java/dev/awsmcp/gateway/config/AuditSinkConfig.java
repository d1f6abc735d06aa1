package dev.awsmcp.gateway.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One entry of {@code audit.sinks}, chosen by its {@code type}: {@code file} or {@code cloudwatch-logs}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FileSinkConfig.class, name = "file"),
        @JsonSubTypes.Type(value = CloudWatchLogsSinkConfig.class, name = "cloudwatch-logs")})
public sealed interface AuditSinkConfig permits FileSinkConfig, CloudWatchLogsSinkConfig {

    /** The sink types, for error messages. */
    String TYPES = "file, cloudwatch-logs";
}
