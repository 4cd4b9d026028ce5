/** A real single-node KRaft broker, in-process. */
package dev.khabar.kafka;
