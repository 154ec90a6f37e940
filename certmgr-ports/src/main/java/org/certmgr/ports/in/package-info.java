/**
 * Driving ports: the use cases certmgr offers, taking self-validating command records and
 * returning reports that say what happened and why.
 */
package org.certmgr.ports.in;
