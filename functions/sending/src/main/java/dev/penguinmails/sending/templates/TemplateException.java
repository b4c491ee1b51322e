package dev.penguinmails.sending.templates;

/** A template that cannot be read (broken Liquid, unbalanced spintax). */
public class TemplateException extends RuntimeException {
    private final transient TemplateProblem problem;

    public TemplateException(TemplateProblem problem) {
        super(problem.describe());
        this.problem = problem;
    }

    public TemplateProblem problem() {
        return problem;
    }
}
