package dev.awsmcp.gateway.guard.semantic;

/**
 * L2-regularized logistic regression with class-balanced weights, fitted by Newton's method (iteratively
 * reweighted least squares) on all examples at once: deterministic, no learning rate, converges in a few
 * steps for a few hundred features. The bias is not regularized. For {@link SemanticHeadTrainer}.
 */
final class LogisticRegression {

    private static final int MAX_STEPS = 50;
    private static final double TOLERANCE = 1e-7;

    private final double[] coefficients;

    private LogisticRegression(double[] coefficients) {
        this.coefficients = coefficients;
    }

    /** Fits {@code y} (0 or 1) on {@code x} with penalty {@code l2} on the weights. */
    static LogisticRegression fit(float[][] x, double[] y, double l2) {
        int d = x[0].length + 1;
        double positives = 0;
        for (double label : y) {
            positives += label;
        }
        double positiveWeight = y.length / (2 * positives);
        double negativeWeight = y.length / (2 * (y.length - positives));
        double[] beta = new double[d];
        for (int step = 0; step < MAX_STEPS; step++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < x.length; i++) {
                double[] row = withBias(x[i]);
                double p = sigmoid(dot(beta, row));
                double weight = y[i] == 1 ? positiveWeight : negativeWeight;
                double residual = weight * (p - y[i]);
                double curvature = weight * p * (1 - p);
                for (int a = 0; a < d; a++) {
                    gradient[a] += residual * row[a];
                    double scaled = curvature * row[a];
                    for (int b = a; b < d; b++) {
                        hessian[a][b] += scaled * row[b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[a][b] = hessian[b][a];
                }
                if (a < d - 1) {
                    gradient[a] += l2 * beta[a];
                    hessian[a][a] += l2;
                } else {
                    hessian[a][a] += 1e-9;
                }
            }
            double[] delta = solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a < d; a++) {
                beta[a] -= delta[a];
                change = Math.max(change, Math.abs(delta[a]));
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        return new LogisticRegression(beta);
    }

    float[] weights() {
        float[] weights = new float[coefficients.length - 1];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) coefficients[i];
        }
        return weights;
    }

    double bias() {
        return coefficients[coefficients.length - 1];
    }

    Double probability(float[] x) {
        return sigmoid(dot(coefficients, withBias(x)));
    }

    private static double[] withBias(float[] x) {
        double[] row = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            row[i] = x[i];
        }
        row[x.length] = 1;
        return row;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting ({@code a} is symmetric positive definite). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        double[] v = b.clone();
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            double t = v[col];
            v[col] = v[pivot];
            v[pivot] = t;
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                if (factor != 0) {
                    for (int k = col; k < n; k++) {
                        m[row][k] -= factor * m[col][k];
                    }
                    v[row] -= factor * v[col];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = v[row];
            for (int k = row + 1; k < n; k++) {
                sum -= m[row][k] * x[k];
            }
            x[row] = sum / m[row][row];
        }
        return x;
    }
}
