package dev.awsmcp.toolset.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.Layer;

/**
 * Function configurations as plain JSON, built field by field so nothing the model must not see
 * slips through: environment variable values are copied only where {@link EnvironmentValues} allows.
 */
final class FunctionConfigurations {

    private FunctionConfigurations() {
    }

    /** The few fields of a list_functions entry. */
    static ObjectNode summary(FunctionConfiguration function) {
        ObjectNode json = Json.object();
        json.put("name", function.functionName());
        json.put("runtime", runtime(function));
        json.put("last_modified", function.lastModified());
        json.put("memory_mb", function.memorySize());
        json.put("timeout_s", function.timeout());
        // ListFunctions in AWS leaves State out (GetFunctionConfiguration has it); moto fills it in.
        json.put("state", function.stateAsString());
        return json;
    }

    /** A list_versions_by_function entry: what tells versions apart, without environment or role. */
    static ObjectNode version(FunctionConfiguration function) {
        ObjectNode json = Json.object();
        json.put("version", function.version());
        json.put("description", function.description());
        json.put("last_modified", function.lastModified());
        json.put("code_sha256", function.codeSha256());
        json.put("runtime", runtime(function));
        json.put("memory_mb", function.memorySize());
        json.put("timeout_s", function.timeout());
        json.put("function_arn", function.functionArn());
        return json;
    }

    /** Everything get_function_configuration returns; environment values only where {@code environment} allows. */
    static ObjectNode detail(GetFunctionConfigurationResponse function, EnvironmentValues environment) {
        ObjectNode json = Json.object();
        json.put("name", function.functionName());
        json.put("function_arn", function.functionArn());
        json.put("version", function.version());
        json.put("description", function.description());
        json.put("runtime", runtime(function.runtimeAsString(), function.packageTypeAsString()));
        json.put("handler", function.handler());
        json.put("memory_mb", function.memorySize());
        json.put("timeout_s", function.timeout());
        json.put("code_sha256", function.codeSha256());
        json.put("last_modified", function.lastModified());
        json.put("last_update_status", function.lastUpdateStatusAsString());
        json.put("last_update_status_reason", function.lastUpdateStatusReason());
        json.put("state", function.stateAsString());
        json.put("state_reason", function.stateReason());
        ArrayNode layers = json.putArray("layers");
        for (Layer layer : function.layers()) {
            layers.addObject().put("arn", layer.arn()).put("code_size", layer.codeSize());
        }
        ArrayNode architectures = json.putArray("architectures");
        function.architecturesAsStrings().forEach(architectures::add);
        json.put("role", function.role());
        json.put("dead_letter_target_arn", function.deadLetterConfig() == null ? null : function.deadLetterConfig().targetArn());
        if (function.vpcConfig() != null && function.vpcConfig().hasSubnetIds() && !function.vpcConfig().subnetIds().isEmpty()) {
            ObjectNode vpc = json.putObject("vpc");
            vpc.put("vpc_id", function.vpcConfig().vpcId());
            function.vpcConfig().subnetIds().forEach(vpc.putArray("subnet_ids")::add);
            function.vpcConfig().securityGroupIds().forEach(vpc.putArray("security_group_ids")::add);
        }
        json.set("environment", environment(function, environment));
        return json;
    }

    /** Variable names, each with its value where {@code allowed} lets it show, else why it is withheld. */
    private static ObjectNode environment(GetFunctionConfigurationResponse function, EnvironmentValues allowed) {
        ObjectNode names = Json.object();
        if (function.environment() != null && function.environment().hasVariables()) {
            allowed.shown(function.environment().variables()).forEach(names::put);
        }
        return names;
    }

    private static String runtime(FunctionConfiguration function) {
        return runtime(function.runtimeAsString(), function.packageTypeAsString());
    }

    private static String runtime(String runtime, String packageType) {
        // Container image functions have no runtime; say what they are instead of null.
        return runtime == null && "Image".equals(packageType) ? "image" : runtime;
    }
}
