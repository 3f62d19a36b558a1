package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.model.CebMessage;

import java.util.List;

/** One group of checks on a message. Groups never throw for bad data; they add findings. */
public interface RuleGroup {
    void check(CebMessage message, List<Finding> findings);
}
