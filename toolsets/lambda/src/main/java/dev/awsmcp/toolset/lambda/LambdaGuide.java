package dev.awsmcp.toolset.lambda;

import dev.awsmcp.toolset.api.ToolsetConfig;

/** What the Lambda toolset tells the model besides its tools: usage notes. */
final class LambdaGuide {

    private LambdaGuide() {
    }

    static String usageNotes(ToolsetConfig config) {
        return """
                # Lambda (toolset %1$s, region %2$s)

                - `%3$s` finds functions (name prefix); `%4$s` shows runtime, memory, timeout, state, last update and
                  environment variables (values only where the operator marked them as not secret); `%5$s` and `%6$s`
                  show what is deployed where.
                - `%7$s` and `%8$s` explain throttling and stuck event sources.
                - `%9$s` runs the function for real (INVOKE access, never retried once sent); use `invocation_type: DryRun`
                  to check permissions without running it.
                """.formatted(config.id(), config.region().id(), config.exposedName("list_functions"),
                config.exposedName("get_function_configuration"), config.exposedName("list_versions_by_function"),
                config.exposedName("list_aliases"), config.exposedName("get_function_concurrency"),
                config.exposedName("list_event_source_mappings"), config.exposedName("invoke"));
    }
}
