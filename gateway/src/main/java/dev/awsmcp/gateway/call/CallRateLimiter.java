package dev.awsmcp.gateway.call;

import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/**
 * The per-team {@code limits.callsPerMinute} of the policies: per gateway instance ({@link TeamRateLimits})
 * or shared by every instance through the session table ({@code ratelimit.SharedTeamRateLimits}). Never waits for a
 * permit: a call over the limit is refused at once. Must not block the calling thread.
 */
public interface CallRateLimiter {

    /**
     * Takes one permit of {@code team}'s budget of {@code perMinute} calls; completes with empty when
     * granted, else the seconds until the next permit. {@code perMinute} 0 means no limit.
     */
    CompletionStage<OptionalLong> acquire(String team, int perMinute);
}
