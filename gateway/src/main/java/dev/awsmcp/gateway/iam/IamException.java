package dev.awsmcp.gateway.iam;

import java.util.List;

/** The IAM documents of {@code policy iam} cannot be deployed as planned; the message lists every reason and its fix. */
public final class IamException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    IamException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem on its own, naming the role, the size or cause, and the fix. */
    public List<String> problems() {
        return problems;
    }
}
