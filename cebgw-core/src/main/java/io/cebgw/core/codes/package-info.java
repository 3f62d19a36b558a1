/**
 * Code lists: the national customs code tables (currency, country, unit, transport mode, wrap type, trade
 * mode, customs area) shipped as versioned data files with their sources, and the code lists the CEB spec
 * defines itself (appType, appStatus, orderType …).
 */
package io.cebgw.core.codes;
