package org.phitheta.cli;

import org.phitheta.activation.PhiThetaFunction;
import org.phitheta.catalog.CatalogEntry;
import org.phitheta.distribution.Theta;
import org.phitheta.gaussianity.GaussianityDefect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Prints the Gaussianity defect KS(theta, phi) computed by quadrature; the last line is exactly ks=VALUE. */
@Command(name = "ks", mixinStandardHelpOptions = true,
        description = "Kolmogorov-Smirnov distance of W*phi(X) to N(0,1), W ~ W(theta,1), X ~ N(0,1), by quadrature.")
final class KsCommand implements Callable<Integer> {

    @Mixin
    ActivationOptions activation;
    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CatalogEntry entry = activation.resolve();
        PhiThetaFunction phi = entry.getParameters().function();
        GaussianityDefect defect = GaussianityDefect.of(phi.theta(), phi::value);
        double z = defect.argSup();
        double ks = 0.5 * Math.abs(defect.survivalGap(z));
        double m2 = GaussianityDefect.secondMoment(phi::value);
        PrintWriter out = spec.commandLine().getOut();
        out.println("theta=" + phi.theta());
        out.println("variant=" + phi.variant().label());
        out.println("source=" + entry.getProvenance());
        double target = Theta.targetSecondMoment(phi.theta());
        out.println(String.format(Locale.ROOT, "second_moment=%.6f (E[phi(X)^2] of this phi; an exact phi_theta has "
                + "1/Gamma(1+2/theta) = %.6f: %+.2f%%)", m2, target, 100 * (m2 / target - 1)));
        out.println(String.format(Locale.ROOT, "sup_at_z=%.4f", z));
        out.println("ks=" + ks);
        out.flush();
        return 0;
    }
}
