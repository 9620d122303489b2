/** Command-line tools that produce files of this module, e.g. the bundled Fashion-MNIST subset. */
package org.phitheta.datasets.tools;
