/** Benchmarks run as main classes (not tests). */
package org.phitheta.datasets.bench;
