package org.tafund.shared;

/**
 * A record that another names in a list (an agreement's instalments): what the History panel shows
 * of it, instead of an object reference nobody can read.
 */
public interface Described {

	String describe();

}
