<?php
/**
 * Versioned learner documents (progress, lesson states): read with their version, written with a
 * precondition, so two devices or tabs never lose each other's updates. The check is one conditional
 * SQL statement (`UPDATE … WHERE version = n`), so it holds however many PHP workers run.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** Reads and writes rows of `progress` or `lesson_states`. */
final class Lms_Kit_Documents {
	/** @return array|null `[ 'value' => …, 'version' => n ]` */
	public static function read( string $table, string $key ): ?array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT data, version FROM ' . Lms_Kit_Schema::table( $table ) . ' WHERE k = %s', $key ) ); // phpcs:ignore WordPress.DB
		return $row ? array( 'value' => json_decode( $row->data ), 'version' => (int) $row->version ) : null;
	}

	/**
	 * Writes `$value` if the stored version is `$expected` ('none': only if absent; null: always).
	 *
	 * @param array           $columns  Key and derived columns of the row (tenant_id, learner_id…).
	 * @param object          $value    The record, decoded as objects (so `{}` stays `{}`).
	 * @param int|string|null $expected The precondition.
	 */
	public static function write( string $table, string $key, array $columns, $value, $expected ): array {
		global $wpdb;
		$name = Lms_Kit_Schema::table( $table );
		$data = wp_json_encode( $value );
		$row  = array_merge( array( 'k' => $key ), $columns, array( 'data' => $data ) );
		if ( 'none' === $expected ) {
			$written = self::insert( $name, $row, false );
		} elseif ( null === $expected ) {
			$written = self::insert( $name, $row, true );
		} else {
			$sets = array();
			foreach ( array_merge( $columns, array( 'data' => $data ) ) as $column => $v ) {
				$sets[] = null === $v ? "$column = NULL" : $wpdb->prepare( "$column = %s", $v ); // phpcs:ignore WordPress.DB
			}
			// Values are escaped one by one above: the statement is not passed through prepare() again.
			$where   = $wpdb->prepare( ' WHERE k = %s AND version = %d', $key, $expected );
			$written = $wpdb->query( "UPDATE $name SET " . implode( ', ', $sets ) . ', version = version + 1' . $where ); // phpcs:ignore WordPress.DB
		}
		if ( $written ) {
			$current = (int) $wpdb->get_var( $wpdb->prepare( "SELECT version FROM $name WHERE k = %s", $key ) ); // phpcs:ignore WordPress.DB
			return array( 'value' => $value, 'version' => $current );
		}
		throw new Lms_Kit_Http_Error( 412, 'storage/conflict', 'The record changed since it was read; read it again and retry.', array(), array( 'current' => self::read( $table, $key ) ) );
	}

	/** INSERT (IGNORE when `$replace` is false, ON DUPLICATE KEY UPDATE version + 1 otherwise); answers rows affected. */
	private static function insert( string $name, array $row, bool $replace ): int {
		global $wpdb;
		$values = array();
		foreach ( $row as $v ) {
			$values[] = null === $v ? 'NULL' : $wpdb->prepare( '%s', $v );
		}
		$sql = ( $replace ? 'INSERT' : 'INSERT IGNORE' ) . " INTO $name (" . implode( ', ', array_keys( $row ) ) . ') VALUES (' . implode( ', ', $values ) . ')';
		if ( $replace ) {
			$updates = array();
			foreach ( array_keys( $row ) as $column ) {
				if ( 'k' !== $column ) {
					$updates[] = "$column = VALUES($column)";
				}
			}
			$sql .= ' ON DUPLICATE KEY UPDATE ' . implode( ', ', $updates ) . ', version = version + 1';
		}
		return (int) $wpdb->query( $sql ); // phpcs:ignore WordPress.DB
	}
}
