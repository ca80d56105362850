<?php
/**
 * wp-admin screens: settings (guests, LRS endpoint, certificate signing key, uninstall), reports
 * (a table from the protocol's report route, and the `lms-report` element by tag name), the grading
 * queue (`lms-grading`) and a CSV import of enrollments.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** Menus and pages. */
final class Lms_Kit_Admin {
	public static function init(): void {
		add_action( 'admin_menu', array( self::class, 'menus' ) );
		add_action( 'admin_init', array( self::class, 'register_settings' ) );
		add_action( 'admin_post_lms_kit_import', array( self::class, 'import_enrollments' ) );
	}

	public static function menus(): void {
		$parent = 'edit.php?post_type=' . Lms_Kit_Courses::POST_TYPE;
		add_submenu_page( $parent, __( 'Reports', 'lms-kit' ), __( 'Reports', 'lms-kit' ), 'edit_posts', 'lms-kit-reports', array( self::class, 'reports_page' ) );
		add_submenu_page( $parent, __( 'Grading', 'lms-kit' ), __( 'Grading', 'lms-kit' ), 'edit_posts', 'lms-kit-grading', array( self::class, 'grading_page' ) );
		add_submenu_page( $parent, __( 'Import enrollments', 'lms-kit' ), __( 'Import enrollments', 'lms-kit' ), 'manage_options', 'lms-kit-import', array( self::class, 'import_page' ) );
		add_options_page( __( 'LMS Kit', 'lms-kit' ), __( 'LMS Kit', 'lms-kit' ), 'manage_options', 'lms-kit', array( self::class, 'settings_page' ) );
	}

	public static function register_settings(): void {
		register_setting(
			'lms_kit',
			Lms_Kit_Settings::OPTION,
			array( 'sanitize_callback' => array( self::class, 'sanitize' ) )
		);
	}

	public static function sanitize( $input ): array {
		$input = is_array( $input ) ? $input : array();
		return array(
			'guests'              => 'login' === ( $input['guests'] ?? '' ) ? 'login' : 'local',
			'lrs_endpoint'        => esc_url_raw( $input['lrs_endpoint'] ?? '', array( 'http', 'https' ) ),
			'lrs_username'        => sanitize_text_field( $input['lrs_username'] ?? '' ),
			'lrs_password'        => (string) ( $input['lrs_password'] ?? '' ),
			'certificate_key'     => trim( (string) ( $input['certificate_key'] ?? '' ) ),
			'delete_on_uninstall' => ! empty( $input['delete_on_uninstall'] ),
		);
	}

	public static function settings_page(): void {
		$s    = Lms_Kit_Settings::all();
		$name = Lms_Kit_Settings::OPTION;
		echo '<div class="wrap"><h1>' . esc_html__( 'LMS Kit settings', 'lms-kit' ) . '</h1><form method="post" action="options.php">';
		settings_fields( 'lms_kit' );
		echo '<table class="form-table" role="presentation">';
		printf(
			'<tr><th scope="row">%s</th><td><fieldset><label><input type="radio" name="%s[guests]" value="local" %s> %s</label><br><label><input type="radio" name="%2$s[guests]" value="login" %s> %s</label></fieldset></td></tr>',
			esc_html__( 'Visitors who are not logged in', 'lms-kit' ),
			esc_attr( $name ),
			checked( $s['guests'], 'local', false ),
			esc_html__( 'take courses anonymously; progress stays in their browser', 'lms-kit' ),
			checked( $s['guests'], 'login', false ),
			esc_html__( 'are asked to log in to track their progress', 'lms-kit' )
		);
		$field = static function ( string $key, string $label, string $type = 'text', string $help = '' ) use ( $s, $name ) {
			printf(
				'<tr><th scope="row"><label for="lms-kit-%1$s">%2$s</label></th><td><input class="regular-text" type="%3$s" id="lms-kit-%1$s" name="%4$s[%1$s]" value="%5$s" autocomplete="off"><p class="description">%6$s</p></td></tr>',
				esc_attr( $key ),
				esc_html( $label ),
				esc_attr( $type ),
				esc_attr( $name ),
				esc_attr( $s[ $key ] ),
				esc_html( $help )
			);
		};
		$field( 'lrs_endpoint', __( 'LRS endpoint', 'lms-kit' ), 'url', __( 'xAPI statements are forwarded there by WP-Cron, retried until the LRS accepts them.', 'lms-kit' ) );
		$field( 'lrs_username', __( 'LRS key (username)', 'lms-kit' ) );
		$field( 'lrs_password', __( 'LRS secret (password)', 'lms-kit' ), 'password' );
		printf(
			'<tr><th scope="row"><label for="lms-kit-certificate_key">%s</label></th><td><textarea class="large-text code" rows="4" id="lms-kit-certificate_key" name="%s[certificate_key]">%s</textarea><p class="description">%s</p></td></tr>',
			esc_html__( 'Certificate signing key', 'lms-kit' ),
			esc_attr( $name ),
			esc_textarea( $s['certificate_key'] ),
			esc_html__( 'The private key certificates will be signed with (PEM or JWK). It is kept in the site\'s options and never sent to browsers.', 'lms-kit' )
		);
		printf(
			'<tr><th scope="row">%s</th><td><label><input type="checkbox" name="%s[delete_on_uninstall]" value="1" %s> %s</label></td></tr>',
			esc_html__( 'Uninstall', 'lms-kit' ),
			esc_attr( $name ),
			checked( $s['delete_on_uninstall'], true, false ),
			esc_html__( 'Also delete course packages and learner records when the plugin is deleted', 'lms-kit' )
		);
		echo '</table>';
		submit_button();
		echo '</form></div>';
	}

	/** A protocol GET as the signed-in user (the same access rules as the REST API). */
	private static function protocol_get( string $route, array $query = array() ) {
		$request = new WP_REST_Request( 'GET', '/' . Lms_Kit_Protocol::NAMESPACE_V1 . $route );
		$request->set_query_params( $query );
		$request->set_header( 'Authorization', 'Bearer ' . Lms_Kit_Tokens::for_user( wp_get_current_user() ) );
		return rest_do_request( $request )->get_data();
	}

	public static function reports_page(): void {
		echo '<div class="wrap"><h1>' . esc_html__( 'Course reports', 'lms-kit' ) . '</h1>';
		$page = self::protocol_get( '/reports/progress', array( 'limit' => '1000' ) );
		$rows = is_array( $page['items'] ?? null ) ? $page['items'] : array();
		echo '<table class="widefat striped lms-kit-report"><caption class="screen-reader-text">' . esc_html__( 'Progress of the learners you may see', 'lms-kit' ) . '</caption><thead><tr>';
		foreach ( array( __( 'Learner', 'lms-kit' ), __( 'Course', 'lms-kit' ), __( 'Lessons completed', 'lms-kit' ), __( 'Completed', 'lms-kit' ), __( 'Score', 'lms-kit' ), __( 'Time spent', 'lms-kit' ) ) as $heading ) {
			echo '<th scope="col">' . esc_html( $heading ) . '</th>';
		}
		echo '</tr></thead><tbody>';
		if ( ! $rows ) {
			echo '<tr><td colspan="6">' . esc_html__( 'No learner has started a course you can see yet.', 'lms-kit' ) . '</td></tr>';
		}
		foreach ( $rows as $row ) {
			printf(
				'<tr><td>%s</td><td>%s</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td></tr>',
				esc_html( preg_replace( '/^mailto:/', '', $row['learnerId'] ) ),
				esc_html( $row['courseId'] ),
				(int) $row['lessonsCompleted'],
				$row['completed'] ? esc_html__( 'yes', 'lms-kit' ) : esc_html__( 'no', 'lms-kit' ),
				null === $row['score'] ? '—' : esc_html( round( $row['score'] * 100 ) . ' %' ),
				esc_html( human_time_diff( 0, (int) ( $row['timeSpentMs'] / 1000 ) ) )
			);
		}
		echo '</tbody></table>';
		// The management element, where the bundle has it: defined when its tag appears.
		echo Lms_Kit_Render::element( 'lms-report' ); // phpcs:ignore WordPress.Security.EscapeOutput
		Lms_Kit_Render::print_scripts();
		echo '</div>';
	}

	public static function grading_page(): void {
		echo '<div class="wrap"><h1>' . esc_html__( 'Grading queue', 'lms-kit' ) . '</h1>';
		echo Lms_Kit_Render::element( 'lms-grading' ); // phpcs:ignore WordPress.Security.EscapeOutput
		Lms_Kit_Render::print_scripts();
		echo '</div>';
	}

	public static function import_page(): void {
		echo '<div class="wrap"><h1>' . esc_html__( 'Import enrollments', 'lms-kit' ) . '</h1>';
		$result = get_transient( 'lms_kit_import_' . get_current_user_id() );
		if ( false !== $result ) {
			delete_transient( 'lms_kit_import_' . get_current_user_id() );
			$class = $result['errors'] ? 'notice-error' : 'notice-success';
			echo '<div class="notice ' . esc_attr( $class ) . '"><p>' . esc_html( $result['message'] ) . '</p><ul>';
			foreach ( $result['errors'] as $error ) {
				echo '<li>' . esc_html( $error ) . '</li>';
			}
			echo '</ul></div>';
		}
		echo '<form method="post" enctype="multipart/form-data" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
		wp_nonce_field( 'lms_kit_import' );
		echo '<input type="hidden" name="action" value="lms_kit_import"><p><label for="lms-kit-csv">' . esc_html__( 'CSV file with the header course,learner,group,due (learner: a user\'s email or login; either a learner or a group per row)', 'lms-kit' ) . '</label><br><input type="file" id="lms-kit-csv" name="csv" accept=".csv,text/csv"></p>';
		submit_button( __( 'Import', 'lms-kit' ) );
		echo '</form></div>';
	}

	public static function import_enrollments(): void {
		check_admin_referer( 'lms_kit_import' );
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'You may not import enrollments.', 'lms-kit' ), 403 );
		}
		$file   = isset( $_FILES['csv']['tmp_name'] ) ? sanitize_text_field( wp_unslash( $_FILES['csv']['tmp_name'] ) ) : '';
		$result = Lms_Kit_Enrollment_Import::run( is_uploaded_file( $file ) ? (string) file_get_contents( $file ) : '' ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		set_transient( 'lms_kit_import_' . get_current_user_id(), $result, 60 );
		wp_safe_redirect( admin_url( 'edit.php?post_type=' . Lms_Kit_Courses::POST_TYPE . '&page=lms-kit-import' ) );
		exit;
	}
}
