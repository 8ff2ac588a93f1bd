/**
 * The command policy: what an execution's command may contain (its length, the programs it may
 * run, patterns it must not match), configured from the environment and checked before an
 * execution is created. Non-null unless a method says otherwise.
 */
package dev.towerline.server.policy;
