package dev.awsmcp.gateway.policy;

import java.util.List;
import java.util.Map;

/**
 * One team's policy file ({@code policies/<team>.yaml}) as written; {@link PolicyLoader} validates it
 * and compiles it into a {@link TeamPolicy}. The format is documented in policies/README.md.
 *
 * @param team the team name
 * @param members who belongs to the team
 * @param toolsets per configured toolset id, what the team may use
 * @param limits the team's bounds, each at most the gateway's
 * @param guard how the result guard treats the team's results
 * @param confirm access classes whose calls need a person's confirmation first (MCP elicitation), e.g.
 *     {@code [write, invoke]}; none when absent
 * @param taint what state-changing calls do in a session that read untrusted content
 */
public record PolicyFile(String team, List<Member> members, Map<String, GrantSpec> toolsets, LimitsSpec limits, GuardSpec guard,
        List<String> confirm, TaintSpec taint) {

    /**
     * A team's rules for write and invoke calls in a tainted session: {@code allow}, {@code confirm} or {@code deny}.
     *
     * @param onFindings after the session read content with guard findings (default confirm)
     * @param onUntrusted after it read untrusted content without findings (default allow)
     */
    public record TaintSpec(String onFindings, String onUntrusted) {
    }

    /**
     * One membership rule; exactly one field is set.
     *
     * @param group a JWT group
     * @param apiKey an API key id
     * @param principal a principal id (JWT subject)
     */
    public record Member(String group, String apiKey, String principal) {
    }

    /**
     * What a team may use of one toolset.
     *
     * @param tools tool names or globs ({@code *}, {@code get_*}) of that toolset
     * @param access access classes granted: read, write, invoke; {@code [read]} when absent
     * @param resources resource patterns (tables, bucket/key globs, log groups, functions)
     * @param sessionPolicy whether the toolset's role is assumed with an inline session policy generated
     *     from {@code access} and {@code resources}; false when absent
     */
    public record GrantSpec(List<String> tools, List<String> access, List<String> resources, Boolean sessionPolicy) {
    }

    /**
     * A team's limits; absent values take the gateway's.
     *
     * @param maxResultBytes byte budget of one result
     * @param maxRows rows per call at most
     * @param callsPerMinute tool calls per minute for the whole team
     */
    public record LimitsSpec(Integer maxResultBytes, Integer maxRows, Integer callsPerMinute) {
    }

    /**
     * A team's result guard settings.
     *
     * @param injection what to do with suspected prompt injection: {@code flag} (default), {@code neutralize}, {@code block}
     * @param semantic whether the semantic detector reads the team's results: {@code off} (default), {@code flag}, {@code block}
     */
    public record GuardSpec(String injection, String semantic) {
    }
}
