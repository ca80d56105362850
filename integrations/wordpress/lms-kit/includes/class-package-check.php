<?php
/**
 * What an uploaded zip is, and whether it can play: a native course (course.json and its files), a
 * SCORM 1.2/2004 package (imsmanifest.xml) or a cmi5 course (cmi5.xml). Problems are listed in plain
 * words, with the paths and wording of LMS Kit's course validator (`validateCourse` in @lms-kit/core)
 * for the checks made here; the player runs the full validation when it opens the course.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** Checks an extracted package folder. */
final class Lms_Kit_Package_Check {
	const ID_PATTERN = '/^[A-Za-z0-9][A-Za-z0-9._:-]*$/';
	const ID_HINT    = 'must start with a letter or digit and contain only letters, digits, ".", "_", ":" or "-"';

	/**
	 * @return array `kind` (native|scorm|cmi5|null), `courseId`, `title`, `launch` (file the player opens), `issues` (strings).
	 */
	public static function inspect( string $dir ): array {
		if ( is_file( "$dir/imsmanifest.xml" ) ) {
			return self::scorm( $dir );
		}
		if ( is_file( "$dir/cmi5.xml" ) ) {
			return self::cmi5( $dir );
		}
		if ( is_file( "$dir/course.json" ) ) {
			return self::native( $dir );
		}
		return self::result( null, '', '', array( 'The zip has none of course.json (an LMS Kit course), imsmanifest.xml (a SCORM package) or cmi5.xml (a cmi5 course) at its top level. Zip the files themselves, not the folder that holds them.' ) );
	}

	private static function result( ?string $kind, string $id, string $title, array $issues, string $launch = '' ): array {
		return array( 'kind' => $kind, 'courseId' => $id, 'title' => $title, 'issues' => $issues, 'launch' => $launch );
	}

	private static function xml( string $file, array &$issues ): ?SimpleXMLElement {
		$previous = libxml_use_internal_errors( true );
		$xml      = simplexml_load_string( (string) file_get_contents( $file ), 'SimpleXMLElement', LIBXML_NONET );
		$errors   = libxml_get_errors();
		libxml_clear_errors();
		libxml_use_internal_errors( $previous );
		if ( false === $xml ) {
			$line     = $errors ? " (line {$errors[0]->line}: " . trim( $errors[0]->message ) . ')' : '';
			$issues[] = basename( $file ) . " is not well-formed XML$line.";
			return null;
		}
		return $xml;
	}

	private static function scorm( string $dir ): array {
		$issues = array();
		$xml    = self::xml( "$dir/imsmanifest.xml", $issues );
		if ( ! $xml ) {
			return self::result( 'scorm', '', '', $issues );
		}
		$identifier = (string) $xml['identifier'];
		if ( '' === $identifier ) {
			$issues[] = 'manifest: the <manifest> element has no identifier.';
		}
		$items     = $xml->xpath( '//*[local-name()="organization"]//*[local-name()="item"][@identifierref]' );
		$resources = array();
		foreach ( (array) $xml->xpath( '//*[local-name()="resource"]' ) as $resource ) {
			$resources[ (string) $resource['identifier'] ] = (string) $resource['href'];
		}
		if ( ! $items ) {
			$issues[] = 'organizations: the package has no organization with an item that launches something.';
		}
		foreach ( (array) $items as $item ) {
			$ref  = (string) $item['identifierref'];
			$href = preg_replace( '/[?#].*$/', '', $resources[ $ref ] ?? '' );
			if ( '' === $href ) {
				$issues[] = "items.{$item['identifier']}: refers to resource \"$ref\", which has no href.";
			} elseif ( ! preg_match( '#^https?://#i', $href ) && ! is_file( "$dir/" . rawurldecode( $href ) ) ) {
				// The wording of @lms-kit/scorm's import check.
				$issues[] = "items.{$item['identifier']}: launch file \"$href\" is not in the zip";
			}
		}
		$titles = $xml->xpath( '//*[local-name()="organization"]/*[local-name()="title"]' );
		$title  = $titles ? (string) $titles[0] : $identifier;
		// The player's course id (safeId in @lms-kit/scorm): `scorm-<manifest identifier>`.
		$id = preg_replace( '/[^A-Za-z0-9._:-]+/', '-', "scorm-$identifier" );
		return self::result( 'scorm', $id, $title, $issues, 'package.zip' );
	}

	private static function cmi5( string $dir ): array {
		$issues = array();
		$xml    = self::xml( "$dir/cmi5.xml", $issues );
		if ( ! $xml ) {
			return self::result( 'cmi5', '', '', $issues );
		}
		$course = $xml->xpath( '//*[local-name()="course"]' );
		$aus    = $xml->xpath( '//*[local-name()="au"]' );
		if ( ! $course || '' === (string) $course[0]['id'] ) {
			$issues[] = 'course: cmi5.xml has no <course> with an id.';
		}
		if ( ! $aus ) {
			$issues[] = 'course: cmi5.xml has no assignable unit (<au>).';
		}
		foreach ( (array) $aus as $au ) {
			$url = trim( (string) ( $au->xpath( '*[local-name()="url"]' )[0] ?? '' ) );
			if ( '' === $url ) {
				$issues[] = "au {$au['id']}: has no <url> to launch.";
			} elseif ( preg_match( '/^\s*(javascript|data|vbscript):/i', $url ) ) {
				$issues[] = "au {$au['id']}: url must be an http(s) or relative URL, not a script URL";
			}
		}
		$titles = $course ? $course[0]->xpath( '*[local-name()="title"]/*' ) : array();
		return self::result( 'cmi5', $course ? (string) $course[0]['id'] : '', $titles ? (string) $titles[0] : '', $issues, 'package.zip' );
	}

	private static function native( string $dir ): array {
		$course = json_decode( (string) file_get_contents( "$dir/course.json" ), true );
		if ( JSON_ERROR_NONE !== json_last_error() ) {
			return self::result( 'native', '', '', array( 'course.json is not valid JSON: ' . json_last_error_msg() . '.' ) );
		}
		if ( ! is_array( $course ) || ( $course && array_keys( $course ) === range( 0, count( $course ) - 1 ) ) ) {
			return self::result( 'native', '', '', array( 'a course must be a JSON object' ) );
		}
		$issues = array();
		$string = static function ( array $object, string $key, string $path ) use ( &$issues ) {
			$at = '' === $path ? $key : "$path.$key";
			if ( ! array_key_exists( $key, $object ) ) {
				$issues[] = "$at: required";
			} elseif ( ! is_string( $object[ $key ] ) ) {
				$issues[] = "$at: must be a string, got " . gettype( $object[ $key ] );
			} elseif ( '' === $object[ $key ] ) {
				$issues[] = "$at: must not be empty";
			}
		};
		if ( ( $course['schema'] ?? null ) !== 1 ) {
			$issues[] = isset( $course['schema'] ) ? 'schema: unsupported schema version ' . wp_json_encode( $course['schema'] ) . ' (this version of LMS Kit reads 1)' : 'schema: required';
		}
		$string( $course, 'id', '' );
		if ( is_string( $course['id'] ?? null ) && '' !== $course['id'] && ! preg_match( self::ID_PATTERN, $course['id'] ) ) {
			$issues[] = 'id: ' . self::ID_HINT;
		}
		$string( $course, 'title', '' );
		$modules = $course['modules'] ?? null;
		if ( ! is_array( $modules ) || ! $modules ) {
			$issues[] = is_array( $modules ) ? 'modules: must not be empty' : 'modules: required';
		}
		foreach ( is_array( $modules ) ? $modules : array() as $m => $module ) {
			$string( (array) $module, 'id', "modules[$m]" );
			$string( (array) $module, 'title', "modules[$m]" );
			$lessons = $module['lessons'] ?? null;
			if ( ! is_array( $lessons ) || ! $lessons ) {
				$issues[] = "modules[$m].lessons: " . ( is_array( $lessons ) ? 'must not be empty' : 'required' );
			}
			foreach ( is_array( $lessons ) ? $lessons : array() as $l => $lesson ) {
				$string( (array) $lesson, 'id', "modules[$m].lessons[$l]" );
				$string( (array) $lesson, 'title', "modules[$m].lessons[$l]" );
				$string( (array) $lesson, 'kind', "modules[$m].lessons[$l]" );
				$src = $lesson['src'] ?? null;
				if ( is_string( $src ) && ! preg_match( '#^[a-z][a-z0-9+.-]*:#i', $src ) && ! is_file( "$dir/" . preg_replace( '/[?#].*$/', '', $src ) ) ) {
					$issues[] = "modules[$m].lessons[$l].src: \"$src\" is not in the zip";
				}
			}
		}
		return self::result( 'native', is_string( $course['id'] ?? null ) ? $course['id'] : '', is_string( $course['title'] ?? null ) ? $course['title'] : '', $issues, 'course.json' );
	}
}
