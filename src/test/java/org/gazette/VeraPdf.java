package org.gazette;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the validator archivists use, run on a PDF in memory. */
public final class VeraPdf {

    /** Held strongly so java.util.logging keeps the level: veraPDF's own warnings are not test results. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("org.verapdf");

    static {
        QUIET.setLevel(java.util.logging.Level.SEVERE);
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {}

    /** The failed rules ("7.1-3: …"), empty when the PDF complies with {@code flavour}. */
    public static List<String> failures(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            return result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()
                            + " (" + a.getLocation().getContext() + ")")
                    .distinct().toList();
        } catch (ModelParsingException | EncryptedPdfException | ValidationException e) {
            throw new AssertionError("veraPDF could not read the PDF: " + e, e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
