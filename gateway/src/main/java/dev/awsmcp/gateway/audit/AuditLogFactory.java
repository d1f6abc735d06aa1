package dev.awsmcp.gateway.audit;

import dev.awsmcp.gateway.config.AuditConfig;
import dev.awsmcp.gateway.config.AuditSinkConfig;
import dev.awsmcp.gateway.config.CloudWatchLogsSinkConfig;
import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.gateway.config.FileSinkConfig;
import dev.awsmcp.gateway.aws.AwsClientFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;

/** Builds the {@link AuditLog} of a configuration: its sinks in order, its queue and overload policy. */
public final class AuditLogFactory {

    private AuditLogFactory() {
    }

    /**
     * Opens every sink and starts the log; throws {@link ConfigException} naming the sink when one cannot
     * be opened (for example an unwritable path).
     *
     * @param clients builds the CloudWatch Logs client
     * @param credentials the gateway's own credentials, for remote sinks
     */
    public static AuditLog create(AuditConfig config, AwsClientFactory clients, AwsCredentialsProvider credentials) {
        List<AuditSink> sinks = new ArrayList<>();
        try {
            for (int i = 0; i < config.sinks().size(); i++) {
                sinks.add(sink(config.sinks().get(i), "audit.sinks[" + i + "]", clients, credentials));
            }
            return AuditLog.start(sinks, config.queueCapacity(), OverloadPolicy.valueOf(config.onOverload().toUpperCase(Locale.ROOT)));
        } catch (RuntimeException e) {
            sinks.forEach(AuditSink::close);
            throw e;
        }
    }

    private static AuditSink sink(AuditSinkConfig config, String where, AwsClientFactory clients, AwsCredentialsProvider credentials) {
        try {
            if (config instanceof FileSinkConfig file) {
                return new FileAuditSink(Path.of(file.path()), file.durable(), file.maxFileBytes(), file.keepFiles());
            }
            CloudWatchLogsSinkConfig cloudWatch = (CloudWatchLogsSinkConfig) config;
            CloudWatchLogsAsyncClient client = clients.buildGatewayClient(CloudWatchLogsAsyncClient.builder(),
                    Region.of(cloudWatch.region()), cloudWatch.endpointUri(), credentials);
            try {
                return new CloudWatchLogsSink(client, cloudWatch.logGroup(), cloudWatch.logStream(), cloudWatch.createGroup(),
                        Path.of(cloudWatch.spillDir()), cloudWatch.bufferEvents(),
                        cloudWatch.maxRetryDelay(),
                        cloudWatch.shutdownWait());
            } catch (IOException | RuntimeException e) {
                client.close();
                throw e;
            }
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot open: " + e + "; check that the directory is writable");
        }
    }
}
