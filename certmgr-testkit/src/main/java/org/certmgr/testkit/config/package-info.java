/** Test data for configuration loaders: a corpus of bad {@code certmgr.json} files with the messages they must give. */
package org.certmgr.testkit.config;
