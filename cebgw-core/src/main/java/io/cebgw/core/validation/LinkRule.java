package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;

import java.util.List;

/** One group of rules across documents: checks a document against its partners and adds findings. */
interface LinkRule {
    void check(Declared document, Partners partners, List<Finding> findings);
}
