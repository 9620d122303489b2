/**
 * Image classification data for the phitheta experiments: readers for MNIST-style IDX files ({@link
 * org.phitheta.datasets.IdxReader}, {@link org.phitheta.datasets.IdxImageStream}) and CIFAR-10 binary batches ({@link
 * org.phitheta.datasets.Cifar10}); the immutable {@link org.phitheta.datasets.ImageDataset} they return and its DL4J
 * iterator {@link org.phitheta.datasets.ImageDataSetIterator}; input pre-processing ({@link
 * org.phitheta.datasets.Preprocessing}, {@link org.phitheta.datasets.FittedPreprocessing}); and where Fashion-MNIST comes
 * from ({@link org.phitheta.datasets.FashionMnist}: explicit directory, {@code $PHITHETA_DATA}, Debian package
 * {@code dataset-fashion-mnist}, bundled subset).
 */
package org.phitheta.datasets;
