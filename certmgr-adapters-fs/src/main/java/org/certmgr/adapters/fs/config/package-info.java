/**
 * The JSON configuration file: finding it on the spec's search path, reading it strictly
 * with an exact JSON path in every error, applying every default, and splitting the result
 * into what the core needs ({@link org.certmgr.domain.Configuration}) and what only the local
 * machine needs ({@link org.certmgr.adapters.fs.config.LocalSettings}).
 *
 * <p>Entry point: {@link org.certmgr.adapters.fs.config.ConfigLoader}.
 */
package org.certmgr.adapters.fs.config;
